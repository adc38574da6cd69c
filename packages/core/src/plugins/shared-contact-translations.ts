import { defineTranslations } from './translations.js'

/**
 * The shared contacts' texts in Arabic, Persian, Somali and Tigrinya. Machine-assisted
 * drafts by the development team (status `draft`): each must be reviewed by a native
 * speaker, ideally with someone who knows how the city speaks to residents about this
 * subject, before it is marked `reviewed`. Proper names (Orostelefonen,
 * Brottsofferjouren, orosanmälan) are kept in Swedish beside the translation, so a
 * reader can find them.
 */
export const sharedContactTranslations = defineTranslations('Core shared contacts', {
  contacts: {
    'emergency-112': {
      ar: {
        name: 'رقم الطوارئ 112',
        audience: 'عندما تكون الحياة أو الممتلكات أو البيئة في خطر، أو عندما تقع جريمة الآن.',
        hours: 'على مدار الساعة',
        status: 'draft',
      },
      fa: {
        name: 'شماره اضطراری 112',
        audience: 'وقتی جان، اموال یا محیط زیست در خطر است، یا جرمی همین حالا در حال وقوع است.',
        hours: 'شبانه‌روزی',
        status: 'draft',
      },
      so: {
        name: 'Lambarka gurmadka degdegga ah 112',
        audience: 'Marka nolol, hanti ama deegaan ay khatar ku jiraan, ama dambi hadda dhacayo.',
        hours: 'Habeen iyo maalin',
        status: 'draft',
      },
      ti: {
        name: 'ቁጽሪ ህጹጽ ረድኤት 112',
        audience: 'ህይወት፣ ንብረት ወይ ከባቢ ኣብ ሓደጋ ክህሉ ከሎ፣ ወይ ገበን ሕጂ ክፍጸም ከሎ።',
        hours: 'ለይትን መዓልትን',
        status: 'draft',
      },
    },
    'police-11414': {
      ar: {
        name: 'الشرطة، 114 14',
        audience: 'للإبلاغ أو تقديم معلومة عندما لا يكون الأمر عاجلًا. إذا كان الأمر عاجلًا: اتصل بالرقم 112.',
        hours: 'على مدار الساعة',
        status: 'draft',
      },
      fa: {
        name: 'پلیس، 114 14',
        audience: 'برای گزارش یا دادن اطلاعات وقتی موضوع فوری نیست. اگر فوری است: با 112 تماس بگیرید.',
        hours: 'شبانه‌روزی',
        status: 'draft',
      },
      so: {
        name: 'Booliska, 114 14',
        audience: 'Si aad u soo sheegto ama xog u bixiso marka aysan degdeg ahayn. Haddii ay degdeg tahay: wac 112.',
        hours: 'Habeen iyo maalin',
        status: 'draft',
      },
      ti: {
        name: 'ፖሊስ፣ 114 14',
        audience: 'ህጹጽ ኣብ ዘይኮነሉ ንምሕባር ወይ ሓበሬታ ንምሃብ። ህጹጽ እንተኾይኑ፡ ናብ 112 ደውል።',
        hours: 'ለይትን መዓልትን',
        status: 'draft',
      },
    },
    orostelefonen: {
      ar: {
        name: 'خط القلق بشأن التطرف (Orostelefonen، منظمة إنقاذ الطفل)',
        audience: 'للأقارب وغيرهم من البالغين القلقين من أن شخصًا قريبًا منهم يُستدرَج إلى التطرف العنيف. يمكنك عدم الكشف عن هويتك.',
        status: 'draft',
      },
      fa: {
        name: 'خط نگرانی درباره افراط‌گرایی (Orostelefonen، سازمان نجات کودکان)',
        audience:
          'برای بستگان و دیگر بزرگسالانی که نگران‌اند کسی از نزدیکانشان به افراط‌گرایی خشونت‌آمیز کشیده شود. می‌توانید ناشناس بمانید.',
        status: 'draft',
      },
      so: {
        name: 'Khadka walaaca ee xagjirnimada (Orostelefonen, Save the Children)',
        audience:
          'Qaraabada iyo dadka kale ee waaweyn ee ka walwalsan in qof u dhow loo soo jiidayo xagjirnimo rabshad wadata. Waxaad noqon kartaa qof aan magaciisa la ogayn.',
        status: 'draft',
      },
      ti: {
        name: 'መስመር ስክፍታ ብዛዕባ ጽንፈኝነት (Orostelefonen፣ Save the Children)',
        audience: 'ቤተሰብን ካልኦት ዓበይትን ሓደ ናይ ቀረባ ሰብ ናብ ዓመጻዊ ጽንፈኝነት ይስሓብ ከም ዘሎ ዝሰክፎም። ስምካ ከይገለጽካ ክትዛረብ ትኽእል።',
        status: 'draft',
      },
    },
    'brottsofferjouren-116006': {
      ar: {
        name: 'دعم ضحايا الجرائم (Brottsofferjouren)، خط الدعم 116 006',
        audience: 'لمن تعرّضوا لجريمة وللشهود والأقارب. الدعم مجاني ويمكنك عدم الكشف عن هويتك.',
        status: 'draft',
      },
      fa: {
        name: 'حمایت از قربانیان جرم (Brottsofferjouren)، خط حمایت 116 006',
        audience: 'برای کسانی که قربانی جرم شده‌اند، شاهدان و بستگان. این حمایت رایگان است و می‌توانید ناشناس بمانید.',
        status: 'draft',
      },
      so: {
        name: 'Taageerada dhibbanayaasha dambiyada (Brottsofferjouren), khadka taageerada 116 006',
        audience:
          'Dadka dambi loo geystay, markhaatiyaasha iyo qaraabada. Taageeradu waa bilaash, waxaadna noqon kartaa qof aan magaciisa la ogayn.',
        status: 'draft',
      },
      ti: {
        name: 'ደገፍ ግዳያት ገበን (Brottsofferjouren)፣ መስመር ደገፍ 116 006',
        audience: 'ግዳያት ገበን፣ መሰኻኽርን ቤተሰብን። እቲ ደገፍ ብነጻ እዩ፣ ስምካ ከይገለጽካ ክትዛረብ ትኽእል።',
        status: 'draft',
      },
    },
    'stockholm-orosanmalan': {
      ar: {
        name: 'الإبلاغ عن القلق على طفل (orosanmälan)، مدينة ستوكهولم',
        audience: 'إذا كنت تشك في أن طفلًا أو شابًا دون 18 عامًا يتعرّض للأذى. لا يلزم أن تكون متأكدًا، ويمكنك كفرد عدم الكشف عن هويتك.',
        status: 'draft',
      },
      fa: {
        name: 'گزارش نگرانی درباره کودک (orosanmälan)، شهر استکهلم',
        audience:
          'اگر گمان می‌کنید کودک یا نوجوانی زیر 18 سال آسیب می‌بیند. لازم نیست مطمئن باشید و به‌عنوان فرد عادی می‌توانید ناشناس بمانید.',
        status: 'draft',
      },
      so: {
        name: 'Soo sheegidda walaac ku saabsan ilmo (orosanmälan), Magaalada Stockholm',
        audience:
          'Haddii aad ka shakisan tahay in ilmo ama dhalinyaro ka yar 18 sano ay dhibaato ku jiraan. Uma baahnid inaad hubto, qof ahaan waxaad noqon kartaa qof aan magaciisa la ogayn.',
        status: 'draft',
      },
      ti: {
        name: 'ስክፍታ ብዛዕባ ቆልዓ ምሕባር (orosanmälan)፣ ከተማ ስቶክሆልም',
        audience: 'ሓደ ቆልዓ ወይ መንእሰይ ትሕቲ 18 ዓመት ይጉዳእ ከም ዘሎ እንተጠርጢርካ። ርግጸኛ ክትከውን ኣየድልየካን፣ ከም ውልቀ ሰብ ስምካ ከይገለጽካ ክትሕብር ትኽእል።',
        status: 'draft',
      },
    },
  },
})
