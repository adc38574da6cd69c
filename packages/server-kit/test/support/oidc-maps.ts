/** The provider's groups mapped to roles, and to districts, as the tests configure them. */
export const ROLE_MAP = JSON.stringify({ 'vbe-handlaggare': 'officer', 'vbe-beslutsfattare': ['approver'], 'vbe-revisor': 'auditor' })
export const DISTRICT_MAP = JSON.stringify({ 'sdf-rinkeby-kista': 'rinkeby-kista', 'sdf-spanga-tensta': 'spanga-tensta' })
/** The districts the app's plugins serve, in these tests. */
export const DISTRICTS = ['rinkeby-kista', 'spanga-tensta', 'norrmalm']
