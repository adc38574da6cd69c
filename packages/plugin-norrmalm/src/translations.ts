import { defineTranslations } from '@vbe/core/plugins'

/**
 * Norrmalm's contact and notice in Arabic, Persian, Somali and Tigrinya.
 * Machine-assisted drafts by the development team (status `draft`): each must be
 * reviewed by a native speaker before it is marked `reviewed`. Place names stay as
 * written in Swedish.
 */
export const norrmalmTranslations = defineTranslations('@vbe/plugin-norrmalm', {
  contacts: {
    'norrmalm-district-administration': {
      ar: {
        name: 'إدارة منطقة وسط المدينة الشمالي (Norra innerstaden)',
        audience: 'لسكان Norrmalm وVasastaden وSkeppsholmen. تتولى الإدارة، من بين أمور أخرى، رعاية الأفراد والأسر.',
        status: 'draft',
      },
      fa: {
        name: 'اداره منطقه مرکز شمالی شهر (Norra innerstaden)',
        audience: 'برای ساکنان Norrmalm، Vasastaden و Skeppsholmen. این اداره از جمله مسئول خدمات فردی و خانواده است.',
        status: 'draft',
      },
      so: {
        name: 'Maamulka degmada Norra innerstaden',
        audience:
          'Dadka deggan Norrmalm, Vasastaden iyo Skeppsholmen. Maamulku wuxuu mas’uul ka yahay, arrimo kale ka mid ah, daryeelka shakhsiga iyo qoyska.',
        status: 'draft',
      },
      ti: {
        name: 'ምምሕዳር ከባቢ Norra innerstaden',
        audience: 'ነበርቲ Norrmalm፣ Vasastaden ከምኡውን Skeppsholmen። እቲ ምምሕዳር ካብ ካልኦት ብተወሳኺ ንክንክን ውልቀ ሰባትን ስድራቤታትን ሓላፍነት ኣለዎ።',
        status: 'draft',
      },
    },
  },
  notice: {
    ar: {
      text: 'دُمجت إدارة منطقة Norrmalm مع إدارة Östermalm في إدارة منطقة Norra innerstaden، التي تخدم الآن Norrmalm وVasastaden وSkeppsholmen.',
      status: 'draft',
    },
    fa: {
      text: 'اداره منطقه Norrmalm با اداره Östermalm در اداره منطقه Norra innerstaden ادغام شده است که اکنون به Norrmalm، Vasastaden و Skeppsholmen خدمت می‌کند.',
      status: 'draft',
    },
    so: {
      text: 'Maamulka degmada Norrmalm waxaa lagula midoobay kan Östermalm oo noqday maamulka degmada Norra innerstaden, kaas oo hadda u adeega Norrmalm, Vasastaden iyo Skeppsholmen.',
      status: 'draft',
    },
    ti: {
      text: 'ምምሕዳር ከባቢ Norrmalm ምስ ናይ Östermalm ተጸንቢሩ ምምሕዳር ከባቢ Norra innerstaden ኮይኑ ኣሎ፣ ንሱ ሕጂ ን Norrmalm፣ Vasastaden ከምኡውን Skeppsholmen የገልግል።',
      status: 'draft',
    },
  },
})
