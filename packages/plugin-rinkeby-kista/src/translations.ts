import { defineTranslations } from '@vbe/core/plugins'

/**
 * Rinkeby-Kista's contact and notice in Arabic, Persian, Somali and Tigrinya.
 * Machine-assisted drafts by the development team (status `draft`): each must be
 * reviewed by a native speaker before it is marked `reviewed`. Place names stay as
 * written in Swedish.
 */
export const rinkebyKistaTranslations = defineTranslations('@vbe/plugin-rinkeby-kista', {
  contacts: {
    'rinkeby-kista-district-administration': {
      ar: {
        name: 'إدارة منطقة يارفا (Järva، سابقًا Rinkeby-Kista)',
        audience: 'لسكان يارفا: Akalla وHusby وKista وRinkeby وTensta وغيرها. يحوّلك المقسم إلى الخدمات الاجتماعية وإلى منسّق المنطقة.',
        status: 'draft',
      },
      fa: {
        name: 'اداره منطقه یاروا (Järva، پیش‌تر Rinkeby-Kista)',
        audience:
          'برای ساکنان یاروا: Akalla، Husby، Kista، Rinkeby، Tensta و جاهای دیگر. تلفنخانه شما را به خدمات اجتماعی و هماهنگ‌کننده منطقه وصل می‌کند.',
        status: 'draft',
      },
      so: {
        name: 'Maamulka degmada Järva (hore Rinkeby-Kista)',
        audience:
          'Dadka deggan Järva: Akalla, Husby, Kista, Rinkeby, Tensta iyo kuwo kale. Xarunta taleefanku waxay kugu xirtaa adeegga bulshada iyo isku-duwaha degmada.',
        status: 'draft',
      },
      ti: {
        name: 'ምምሕዳር ከባቢ Järva (ቅድሚ ሕጂ Rinkeby-Kista)',
        audience: 'ነበርቲ Järva፡ Akalla፣ Husby፣ Kista፣ Rinkeby፣ Tensta ከምኡውን ካልኦት። እቲ ማእከል ተሌፎን ናብ ማሕበራዊ ኣገልግሎትን ናብ ኣወሃሃዲ ከባቢን የራኽበካ።',
        status: 'draft',
      },
    },
  },
  notice: {
    ar: { text: 'في 1 يوليو 2023 دُمجت منطقتا Rinkeby-Kista وSpånga-Tensta في منطقة Järva.', status: 'draft' },
    fa: { text: 'در 1 ژوئیه 2023 مناطق Rinkeby-Kista و Spånga-Tensta در منطقه Järva ادغام شدند.', status: 'draft' },
    so: { text: '1da Luulyo 2023 degmooyinka Rinkeby-Kista iyo Spånga-Tensta waxaa lagu midoobay degmada Järva.', status: 'draft' },
    ti: { text: 'ብ1 ሓምለ 2023 ከባቢታት Rinkeby-Kista ን Spånga-Tensta ን ናብ ከባቢ Järva ተጸንበሩ።', status: 'draft' },
  },
})
