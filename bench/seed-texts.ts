/*
 * The words of the benchmark seed (bench/seed.ts): the organisation, its customers, and what customers and staff
 * write, in the four languages customers are served in. Data only; seed.ts turns it into rows. Customer-facing
 * texts are put through the app's empathy guard and the internal ones through its no-blame guard before seeding,
 * so every seeded text is one the app would have accepted.
 */

export type Language = 'en' | 'lv' | 'ru' | 'uk';
export const LANGUAGES: readonly Language[] = ['en', 'lv', 'ru', 'uk'];
export type PerLanguage<T> = Record<Language, T>;

/** Share of customers writing in each language (the organisation serves Latvia and the UK). */
export const LANGUAGE_WEIGHTS: PerLanguage<number> = { en: 0.5, lv: 0.25, ru: 0.17, uk: 0.08 };

export const DEPARTMENTS: readonly { code: string; name: string }[] = [
  { code: 'customer-care', name: 'Customer Care' },
  { code: 'billing', name: 'Billing' },
  { code: 'payments', name: 'Payments' },
  { code: 'delivery', name: 'Delivery' },
  { code: 'returns', name: 'Returns and Refunds' },
  { code: 'technical-support', name: 'Technical Support' },
  { code: 'field-service', name: 'Field Service' },
  { code: 'online-shop', name: 'Online Shop' },
  { code: 'stores', name: 'Stores' },
  { code: 'product-quality', name: 'Product Quality' },
  { code: 'contracts', name: 'Contracts' },
  { code: 'loyalty', name: 'Loyalty Programme' },
];

/**
 * `subject` is what the complaint is about, as a customer names it; `sla` scales the default targets (0.5: a
 * category answered twice as fast; 4: contracts and claims, with the eight weeks regulators allow for a final
 * answer). Listed roughly by how often customers complain about them.
 */
export const CATEGORIES: readonly { code: string; name: string; department: string; sla: number; subject: PerLanguage<string> }[] = [
  { code: 'late-delivery', name: 'Late delivery', department: 'delivery', sla: 1, subject: { en: 'my delivery', lv: 'mana piegāde', ru: 'моя доставка', uk: 'моя доставка' } },
  { code: 'billing-error', name: 'Billing error', department: 'billing', sla: 1, subject: { en: 'my invoice', lv: 'mans rēķins', ru: 'мой счёт', uk: 'мій рахунок' } },
  { code: 'faulty-product', name: 'Faulty product', department: 'product-quality', sla: 1, subject: { en: 'the appliance I bought', lv: 'nopirktā ierīce', ru: 'купленный прибор', uk: 'куплений пристрій' } },
  { code: 'refund-delay', name: 'Refund delay', department: 'payments', sla: 1, subject: { en: 'my refund', lv: 'mana naudas atmaksa', ru: 'мой возврат денег', uk: 'моє повернення коштів' } },
  { code: 'missing-parcel', name: 'Missing parcel', department: 'delivery', sla: 0.5, subject: { en: 'the parcel', lv: 'paka', ru: 'посылка', uk: 'посилка' } },
  { code: 'wrong-item', name: 'Wrong item', department: 'online-shop', sla: 1, subject: { en: 'the item I received', lv: 'saņemtā prece', ru: 'полученный товар', uk: 'отриманий товар' } },
  { code: 'double-charge', name: 'Double charge', department: 'payments', sla: 0.5, subject: { en: 'the payment for my order', lv: 'maksājums par pasūtījumu', ru: 'оплата заказа', uk: 'оплата замовлення' } },
  { code: 'app-login', name: 'App login', department: 'technical-support', sla: 1, subject: { en: 'the mobile app login', lv: 'pieslēgšanās lietotnei', ru: 'вход в приложение', uk: 'вхід у застосунок' } },
  { code: 'return-refused', name: 'Return refused', department: 'returns', sla: 1, subject: { en: 'my return', lv: 'preces atgriešana', ru: 'возврат товара', uk: 'повернення товару' } },
  { code: 'in-store-service', name: 'In-store service', department: 'stores', sla: 2, subject: { en: 'the service in the store', lv: 'apkalpošana veikalā', ru: 'обслуживание в магазине', uk: 'обслуговування в магазині' } },
  { code: 'damaged-in-transit', name: 'Damaged in transit', department: 'delivery', sla: 1, subject: { en: 'the package', lv: 'sūtījums', ru: 'упаковка', uk: 'упаковка' } },
  { code: 'unexpected-fee', name: 'Unexpected fee', department: 'billing', sla: 1, subject: { en: 'the service fee', lv: 'apkalpošanas maksa', ru: 'сервисный сбор', uk: 'сервісний збір' } },
  { code: 'website-checkout', name: 'Website checkout', department: 'technical-support', sla: 0.5, subject: { en: 'the website checkout', lv: 'vietnes apmaksas lapa', ru: 'оформление заказа на сайте', uk: 'оформлення замовлення на сайті' } },
  { code: 'repair-visit', name: 'Repair visit', department: 'field-service', sla: 1, subject: { en: 'the repair visit', lv: 'remonta vizīte', ru: 'визит мастера', uk: 'візит майстра' } },
  { code: 'contract-terms', name: 'Contract terms', department: 'contracts', sla: 4, subject: { en: 'my contract', lv: 'mans līgums', ru: 'мой договор', uk: 'мій договір' } },
  { code: 'cancellation', name: 'Cancellation', department: 'contracts', sla: 1, subject: { en: 'the cancellation of my subscription', lv: 'abonementa atcelšana', ru: 'отмена подписки', uk: 'скасування підписки' } },
  { code: 'loyalty-points', name: 'Loyalty points', department: 'loyalty', sla: 4, subject: { en: 'my loyalty points', lv: 'mani bonusa punkti', ru: 'мои бонусные баллы', uk: 'мої бонусні бали' } },
  { code: 'account-access', name: 'Account access', department: 'technical-support', sla: 0.5, subject: { en: 'my online account', lv: 'mans konts internetā', ru: 'мой личный кабинет', uk: 'мій особистий кабінет' } },
  { code: 'installation', name: 'Installation', department: 'field-service', sla: 1, subject: { en: 'the installation appointment', lv: 'uzstādīšanas vizīte', ru: 'визит для установки', uk: 'візит для встановлення' } },
  { code: 'price-mismatch', name: 'Price mismatch', department: 'online-shop', sla: 1, subject: { en: 'the price at checkout', lv: 'cena kasē', ru: 'цена при оплате', uk: 'ціна під час оплати' } },
  { code: 'card-declined', name: 'Card declined', department: 'payments', sla: 0.5, subject: { en: 'my card payment', lv: 'mans kartes maksājums', ru: 'оплата картой', uk: 'оплата карткою' } },
  { code: 'exchange', name: 'Exchange', department: 'returns', sla: 1, subject: { en: 'the exchange of my item', lv: 'preces apmaiņa', ru: 'обмен товара', uk: 'обмін товару' } },
  { code: 'warranty-claim', name: 'Warranty claim', department: 'product-quality', sla: 4, subject: { en: 'my warranty claim', lv: 'garantijas pieteikums', ru: 'гарантийная заявка', uk: 'гарантійна заявка' } },
  { code: 'delivery-slot', name: 'Delivery slot', department: 'delivery', sla: 1, subject: { en: 'the delivery time slot', lv: 'piegādes laiks', ru: 'интервал доставки', uk: 'інтервал доставки' } },
  { code: 'missed-appointment', name: 'Missed appointment', department: 'field-service', sla: 0.5, subject: { en: 'the technician appointment', lv: 'tehniķa vizīte', ru: 'запись к технику', uk: 'запис до техніка' } },
  { code: 'out-of-stock', name: 'Out of stock', department: 'online-shop', sla: 1, subject: { en: 'my order', lv: 'mans pasūtījums', ru: 'мой заказ', uk: 'моє замовлення' } },
  { code: 'direct-debit', name: 'Direct debit', department: 'billing', sla: 4, subject: { en: 'the direct debit', lv: 'tiešais debets', ru: 'автоплатёж', uk: 'автоплатіж' } },
  { code: 'price-increase', name: 'Price increase', department: 'contracts', sla: 4, subject: { en: 'the new monthly price', lv: 'jaunā mēneša maksa', ru: 'новая ежемесячная цена', uk: 'нова щомісячна ціна' } },
  { code: 'password-reset', name: 'Password reset', department: 'technical-support', sla: 0.5, subject: { en: 'the password reset', lv: 'paroles atjaunošana', ru: 'сброс пароля', uk: 'скидання пароля' } },
  { code: 'return-label', name: 'Return label', department: 'returns', sla: 1, subject: { en: 'the return label', lv: 'atgriešanas uzlīme', ru: 'этикетка возврата', uk: 'етикетка повернення' } },
  { code: 'queue-time', name: 'Queue time', department: 'stores', sla: 2, subject: { en: 'the queue at the till', lv: 'rinda pie kases', ru: 'очередь на кассе', uk: 'черга на касі' } },
  { code: 'promo-code', name: 'Promo code', department: 'online-shop', sla: 1, subject: { en: 'the promo code', lv: 'atlaides kods', ru: 'промокод', uk: 'промокод' } },
  { code: 'courier-service', name: 'Courier service', department: 'delivery', sla: 1, subject: { en: 'the courier visit', lv: 'kurjera apmeklējums', ru: 'визит курьера', uk: 'візит курʼєра' } },
  { code: 'food-quality', name: 'Food quality', department: 'product-quality', sla: 0.5, subject: { en: 'the food product', lv: 'pārtikas produkts', ru: 'продукт питания', uk: 'харчовий продукт' } },
  { code: 'gift-card', name: 'Gift card', department: 'payments', sla: 2, subject: { en: 'the gift card', lv: 'dāvanu karte', ru: 'подарочная карта', uk: 'подарункова картка' } },
  { code: 'e-mail-notifications', name: 'E-mail notifications', department: 'customer-care', sla: 2, subject: { en: 'the e-mail notifications', lv: 'e-pasta paziņojumi', ru: 'уведомления по почте', uk: 'сповіщення поштою' } },
  { code: 'member-offers', name: 'Member offers', department: 'loyalty', sla: 2, subject: { en: 'the member offer', lv: 'klientu piedāvājums', ru: 'предложение для участников', uk: 'пропозиція для учасників' } },
  { code: 'opening-hours', name: 'Opening hours', department: 'customer-care', sla: 2, subject: { en: 'the opening hours', lv: 'darba laiks', ru: 'часы работы', uk: 'години роботи' } },
  { code: 'product-safety', name: 'Product safety', department: 'product-quality', sla: 0.5, subject: { en: 'the product label', lv: 'produkta marķējums', ru: 'маркировка продукта', uk: 'маркування продукту' } },
  { code: 'store-cleanliness', name: 'Store cleanliness', department: 'stores', sla: 2, subject: { en: 'the store', lv: 'veikals', ru: 'магазин', uk: 'магазин' } },
];

/** What went wrong, said so that it follows "<subject>: " in a summary. */
export const PROBLEMS: PerLanguage<readonly string[]> = {
  en: ['wrong amount', 'charged twice', 'nothing received', 'stopped working', 'far too long a wait', 'cancelled without notice', 'not what was promised', 'the same error again', 'rude and unhelpful', 'still not sorted out'],
  lv: ['nepareiza summa', 'nauda noņemta divreiz', 'nekas nav saņemts', 'pārstāja darboties', 'pārāk ilgi jāgaida', 'atcelts bez brīdinājuma', 'nav tas, kas solīts', 'atkal tā pati kļūda', 'nelaipni un bez palīdzības', 'joprojām nav atrisināts'],
  ru: ['неверная сумма', 'деньги списаны дважды', 'ничего не получено', 'перестало работать', 'слишком долгое ожидание', 'отменено без предупреждения', 'не то, что обещали', 'снова та же ошибка', 'грубо и без помощи', 'до сих пор не решено'],
  uk: ['неправильна сума', 'гроші списано двічі', 'нічого не отримано', 'перестало працювати', 'надто довге очікування', 'скасовано без попередження', 'не те, що обіцяли', 'знову та сама помилка', 'грубо й без допомоги', 'досі не вирішено'],
};

/** A complaint's description: {subject}, {Subject}, {problem}, {order}, {days}, {amount} are filled in per complaint. */
export const DESCRIPTIONS: PerLanguage<readonly string[]> = {
  en: [
    'I am writing about {subject} (order {order}): {problem}. I already contacted you {days} days ago and nothing has changed. Please sort this out.',
    '{Subject}: {problem}. The amount involved is {amount} EUR. I would like this corrected and an explanation of what happened.',
    'This is the second time I have had trouble with {subject}: {problem}. Order number {order}. I expect a proper answer this time.',
    'Regarding {subject}: {problem}. I have waited {days} days. Could someone please call me back and tell me what will happen next?',
  ],
  lv: [
    'Rakstu par šo: {subject} (pasūtījums {order}) — {problem}. Es jau sazinājos ar jums pirms {days} dienām, bet nekas nav mainījies. Lūdzu, atrisiniet to.',
    '{Subject}: {problem}. Summa ir {amount} EUR. Vēlos, lai to izlabotu un paskaidrotu, kas notika.',
    'Jau otro reizi problēma — {subject}: {problem}. Pasūtījuma numurs {order}. Šoreiz gaidu pienācīgu atbildi.',
    'Par šo: {subject} — {problem}. Gaidu jau {days} dienas. Lūdzu, piezvaniet man un pastāstiet, kas notiks tālāk.',
  ],
  ru: [
    'Пишу по поводу: {subject} (заказ {order}) — {problem}. Я уже обращался к вам {days} дней назад, но ничего не изменилось. Пожалуйста, решите это.',
    '{Subject}: {problem}. Сумма {amount} EUR. Прошу исправить и объяснить, что произошло.',
    'Уже второй раз проблема — {subject}: {problem}. Номер заказа {order}. На этот раз жду нормального ответа.',
    'По поводу: {subject} — {problem}. Жду уже {days} дней. Пожалуйста, перезвоните мне и расскажите, что будет дальше.',
  ],
  uk: [
    'Пишу щодо: {subject} (замовлення {order}) — {problem}. Я вже звертався до вас {days} днів тому, але нічого не змінилося. Будь ласка, вирішіть це.',
    '{Subject}: {problem}. Сума {amount} EUR. Прошу виправити та пояснити, що сталося.',
    'Уже вдруге проблема — {subject}: {problem}. Номер замовлення {order}. Цього разу чекаю нормальної відповіді.',
    'Щодо: {subject} — {problem}. Чекаю вже {days} днів. Будь ласка, передзвоніть мені й розкажіть, що буде далі.',
  ],
};

/** Suggestions: "<idea>" as the summary; the description adds the category's subject. */
export const IDEAS: PerLanguage<readonly string[]> = {
  en: ['Add evening delivery slots', 'Send a text before the courier arrives', 'Let me pay invoices in the app', 'Open a self-service till', 'Offer reusable packaging', 'Show stock levels on the website'],
  lv: ['Pievienojiet vakara piegādes laikus', 'Nosūtiet īsziņu pirms kurjera ierašanās', 'Ļaujiet apmaksāt rēķinus lietotnē', 'Atveriet pašapkalpošanās kasi', 'Piedāvājiet atkārtoti lietojamu iepakojumu', 'Rādiet preču atlikumus vietnē'],
  ru: ['Добавьте вечерние интервалы доставки', 'Присылайте SMS перед приездом курьера', 'Дайте оплачивать счета в приложении', 'Откройте кассу самообслуживания', 'Предложите многоразовую упаковку', 'Показывайте наличие товара на сайте'],
  uk: ['Додайте вечірні інтервали доставки', 'Надсилайте SMS перед приїздом курʼєра', 'Дозвольте оплачувати рахунки в застосунку', 'Відкрийте касу самообслуговування', 'Запропонуйте багаторазове пакування', 'Показуйте наявність товару на сайті'],
};
export const IDEA_DESCRIPTIONS: PerLanguage<string> = {
  en: '{Idea}. It would make {subject} much easier for customers like me.',
  lv: '{Idea}. Tas ļoti atvieglotu šo: {subject} — tādiem klientiem kā es.',
  ru: '{Idea}. Это сильно упростило бы: {subject} — для таких клиентов, как я.',
  uk: '{Idea}. Це дуже спростило б: {subject} — для таких клієнтів, як я.',
};

export const DESIRED_OUTCOMES: PerLanguage<readonly string[]> = {
  en: ['A refund of the amount', 'A replacement', 'An apology and an explanation', 'A call back', 'A corrected invoice'],
  lv: ['Naudas atmaksa', 'Preces nomaiņa', 'Atvainošanās un paskaidrojums', 'Atzvanīšana', 'Izlabots rēķins'],
  ru: ['Возврат денег', 'Замена товара', 'Извинение и объяснение', 'Обратный звонок', 'Исправленный счёт'],
  uk: ['Повернення коштів', 'Заміна товару', 'Вибачення та пояснення', 'Зворотний дзвінок', 'Виправлений рахунок'],
};

export const CONTACT_INSTRUCTIONS: PerLanguage<readonly string[]> = {
  en: ['Please call after 18:00 on weekdays.', 'I work nights: mornings are best.', 'Text first, I cannot always pick up.'],
  lv: ['Lūdzu, zvaniet darba dienās pēc 18:00.', 'Strādāju naktīs: labāk no rīta.', 'Vispirms uzrakstiet, ne vienmēr varu atbildēt.'],
  ru: ['Пожалуйста, звоните в будни после 18:00.', 'Работаю по ночам: лучше утром.', 'Сначала напишите, я не всегда могу ответить.'],
  uk: ['Будь ласка, телефонуйте в будні після 18:00.', 'Працюю вночі: краще зранку.', 'Спершу напишіть, я не завжди можу відповісти.'],
};

/** Customers' names by language, paired within a gender so that surnames agree. */
export const CUSTOMER_NAMES: PerLanguage<readonly { first: readonly string[]; last: readonly string[] }[]> = {
  en: [
    {
      first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Noah', 'Emily', 'Thomas', 'Grace', 'James', 'Sophie', 'William', 'Chloe'],
      last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green'],
    },
  ],
  lv: [
    { first: ['Jānis', 'Andris', 'Mārtiņš', 'Kārlis', 'Edgars', 'Roberts', 'Pēteris', 'Artūrs'], last: ['Bērziņš', 'Ozols', 'Jansons', 'Vītols', 'Zariņš', 'Kļaviņš', 'Balodis', 'Siliņš'] },
    { first: ['Anna', 'Līga', 'Ilze', 'Kristīne', 'Inese', 'Laura', 'Zane', 'Dace'], last: ['Kalniņa', 'Liepiņa', 'Krūmiņa', 'Eglīte', 'Pētersone', 'Ozoliņa', 'Lapiņa', 'Vilka'] },
  ],
  ru: [
    { first: ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Михаил', 'Иван', 'Николай', 'Павел'], last: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов'] },
    { first: ['Анна', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Мария', 'Светлана'], last: ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Петрова', 'Соколова', 'Михайлова'] },
  ],
  uk: [
    { first: ['Олександр', 'Андрій', 'Максим', 'Богдан', 'Тарас', 'Володимир', 'Юрій', 'Василь'], last: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Шевчук'] },
    { first: ['Олена', 'Оксана', 'Наталія', 'Ірина', 'Тетяна', 'Юлія', 'Софія', 'Марія'], last: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Шевчук'] },
  ],
};

/** Reserved example domains (RFC 2606 and 6761): a dispatcher pointed at a real SMTP server reaches nobody. */
export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example'];

/** Postal addresses: "<street> <number>" then the town line. */
export const ADDRESSES: PerLanguage<{ streets: readonly string[]; towns: readonly string[] }> = {
  en: { streets: ['Station Road', 'High Street', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Avenue'], towns: ['Leeds LS1 4AB', 'York YO1 7HH', 'Bristol BS1 5TR', 'Norwich NR2 1NE'] },
  lv: { streets: ['Brīvības iela', 'Lāčplēša iela', 'Krasta iela', 'Dzirnavu iela', 'Tērbatas iela', 'Ganību dambis'], towns: ['Rīga, LV-1010', 'Jelgava, LV-3001', 'Liepāja, LV-3401', 'Daugavpils, LV-5401'] },
  ru: { streets: ['Maskavas iela', 'Brīvības gatve', 'Ieriķu iela', 'Kurzemes prospekts', 'Slokas iela', 'Valdeķu iela'], towns: ['Rīga, LV-1003', 'Rīga, LV-1084', 'Daugavpils, LV-5404', 'Jūrmala, LV-2015'] },
  uk: { streets: ['вул. Шевченка', 'вул. Грушевського', 'просп. Перемоги', 'вул. Лесі Українки', 'вул. Садова', 'вул. Франка'], towns: ['Київ, 01001', 'Львів, 79000', 'Одеса, 65000', 'Дніпро, 49000'] },
};

/** Phone numbers by language: the prefix, then `digits` drawn digits (UK numbers from Ofcom's range for drama). */
export const PHONES: PerLanguage<{ prefix: string; digits: number }> = {
  en: { prefix: '+44 7700 900', digits: 3 },
  lv: { prefix: '+371 2', digits: 7 },
  ru: { prefix: '+371 2', digits: 7 },
  uk: { prefix: '+380 67 ', digits: 7 },
};

/** Staff: 20 × 15 distinct names, enough for 300 people. */
export const STAFF_FIRST_NAMES: readonly string[] = [
  'Laura', 'Mark', 'Elīna', 'Toms', 'Sarah', 'Daniel', 'Agnese', 'Rihards', 'Hannah', 'Lucas',
  'Marta', 'Krišjānis', 'Rachel', 'Adam', 'Evija', 'Niklāvs', 'Claire', 'Samuel', 'Sintija', 'Oskars',
];
export const STAFF_LAST_NAMES: readonly string[] = [
  'Miller', 'Kalējs', 'Fletcher', 'Priede', 'Hughes', 'Rozenbergs', 'Morgan', 'Strautiņš', 'Bennett', 'Krastiņš',
  'Turner', 'Sproģis', 'Clarke', 'Dumpis', 'Parker',
];

/** The first response to a complaint: staff's own words (`message`) and what happens next. */
export const ACKNOWLEDGEMENTS: PerLanguage<{ messages: readonly string[]; nextSteps: readonly string[] }> = {
  en: {
    messages: [
      'Thank you for telling us about this, and I am sorry for the trouble it has caused.',
      'I am sorry this happened and I understand how frustrating it is.',
    ],
    nextSteps: [
      'We are checking the details with the team involved and will contact you with an answer.',
      'Our back office will review the records and we will write to you with the outcome.',
    ],
  },
  lv: {
    messages: ['Paldies, ka pastāstījāt par to, un atvainojiet par sagādātajām neērtībām.', 'Man ļoti žēl, ka tā notika, un es saprotu, cik tas ir nepatīkami.'],
    nextSteps: ['Mēs pārbaudām informāciju kopā ar atbildīgo komandu un sazināsimies ar jums ar atbildi.', 'Mēs izskatīsim jūsu lietu un atzvanīsim jums ar risinājumu.'],
  },
  ru: {
    messages: ['Спасибо, что сообщили нам об этом, и извините за доставленные неудобства.', 'Мне очень жаль, что так произошло, и я понимаю, как это неприятно.'],
    nextSteps: ['Мы проверяем детали вместе с ответственной командой и свяжемся с вами с ответом.', 'Мы рассмотрим ваше обращение и перезвоним вам с решением.'],
  },
  uk: {
    messages: ['Дякуємо, що повідомили нам про це, і вибачте за незручності.', 'Мені дуже шкода, що так сталося, і я розумію, як це неприємно.'],
    nextSteps: ['Ми перевіряємо деталі разом із відповідальною командою і звʼяжемося з вами з відповіддю.', 'Ми розглянемо ваше звернення і передзвонимо вам із рішенням.'],
  },
};

/** The first response to a suggestion. */
export const THANKS: PerLanguage<{ message: string; nextSteps: string }> = {
  en: {
    message: 'Thank you for your idea, we really appreciate you taking the time to share it.',
    nextSteps: 'We have passed it to the customer committee, which will discuss it at its next meeting, and we will let you know what it decides.',
  },
  lv: {
    message: 'Paldies par jūsu ideju, mēs patiešām novērtējam, ka veltījāt laiku, lai to pastāstītu.',
    nextSteps: 'Mēs to nodevām klientu komitejai, kas to apspriedīs nākamajā sanāksmē, un mēs jums paziņosim tās lēmumu.',
  },
  ru: {
    message: 'Спасибо за вашу идею, мы очень ценим, что вы нашли время ею поделиться.',
    nextSteps: 'Мы передали её клиентскому комитету, который обсудит её на следующем заседании, и мы сообщим вам его решение.',
  },
  uk: {
    message: 'Дякуємо за вашу ідею, ми дуже цінуємо, що ви знайшли час нею поділитися.',
    nextSteps: 'Ми передали її клієнтському комітету, який обговорить її на наступному засіданні, і ми повідомимо вам його рішення.',
  },
};

/** A customer update written by staff while the complaint is worked on. */
export const UPDATES: PerLanguage<readonly string[]> = {
  en: [
    'We have spoken to our delivery partner and are waiting for their confirmation. We will contact you again as soon as we hear back.',
    'We have found what went wrong and are preparing the correction. We will write to you again within two working days.',
  ],
  lv: [
    'Mēs runājām ar mūsu piegādes partneri un gaidām viņu apstiprinājumu. Mēs ar jums sazināsimies, tiklīdz saņemsim atbildi.',
    'Mēs atradām, kas nogāja greizi, un gatavojam labojumu. Mēs jums atkal rakstīsim divu darba dienu laikā.',
  ],
  ru: [
    'Мы поговорили с нашим партнёром по доставке и ждём их подтверждения. Мы свяжемся с вами, как только получим ответ.',
    'Мы нашли, что пошло не так, и готовим исправление. Мы снова напишем вам в течение двух рабочих дней.',
  ],
  uk: [
    'Ми поговорили з нашим партнером із доставки і чекаємо на їхнє підтвердження. Ми звʼяжемося з вами, щойно отримаємо відповідь.',
    'Ми зʼясували, що пішло не так, і готуємо виправлення. Ми знову напишемо вам протягом двох робочих днів.',
  ],
};

/** Why a later expected date, in the customer's terms. */
export const DELAY_REASONS: PerLanguage<readonly string[]> = {
  en: [
    'The supplier needs more time to inspect the item, so we cannot give you an answer by the date we promised.',
    'We are waiting for the bank to confirm the transaction, because its checks take longer than usual this month.',
  ],
  lv: [
    'Piegādātājam vajag vairāk laika preces pārbaudei, tāpēc mēs nevaram atbildēt līdz solītajam datumam.',
    'Mēs gaidām bankas apstiprinājumu darījumam, jo tās pārbaudes šomēnes aizņem ilgāku laiku nekā parasti.',
  ],
  ru: [
    'Поставщику нужно больше времени на проверку товара, поэтому мы не можем ответить к обещанной дате.',
    'Мы ждём подтверждения операции от банка, потому что его проверки в этом месяце занимают больше времени, чем обычно.',
  ],
  uk: [
    'Постачальнику потрібно більше часу на перевірку товару, тому ми не можемо відповісти до обіцяної дати.',
    'Ми чекаємо на підтвердження операції від банку, бо його перевірки цього місяця тривають довше, ніж зазвичай.',
  ],
};

/** A question to the customer, and the customer's answer. */
export const QUESTIONS: PerLanguage<readonly { question: string; answer: string }[]> = {
  en: [
    { question: 'Could you send us a photo of the item and of the label on the box? We will continue as soon as we have it.', answer: 'I have attached the photo and the label.' },
    { question: 'Could you tell us the last four digits of the card you paid with? We will then check the payment with the bank.', answer: 'The last four digits are 4821.' },
  ],
  lv: [
    { question: 'Vai varat atsūtīt preces un kastes uzlīmes fotoattēlu? Mēs turpināsim, tiklīdz to saņemsim.', answer: 'Pievienoju fotoattēlu un uzlīmi.' },
    { question: 'Vai varat pateikt kartes, ar kuru maksājāt, pēdējos četrus ciparus? Tad mēs pārbaudīsim maksājumu ar banku.', answer: 'Pēdējie četri cipari ir 4821.' },
  ],
  ru: [
    { question: 'Не могли бы вы прислать фото товара и этикетки на коробке? Мы продолжим, как только получим его.', answer: 'Прикладываю фото и этикетку.' },
    { question: 'Не могли бы вы сообщить последние четыре цифры карты, которой вы платили? Тогда мы проверим платёж с банком.', answer: 'Последние четыре цифры: 4821.' },
  ],
  uk: [
    { question: 'Чи могли б ви надіслати фото товару та етикетки на коробці? Ми продовжимо, щойно його отримаємо.', answer: 'Додаю фото та етикетку.' },
    { question: 'Чи могли б ви повідомити останні чотири цифри картки, якою ви платили? Тоді ми перевіримо платіж із банком.', answer: 'Останні чотири цифри: 4821.' },
  ],
};

export interface ResolutionText {
  customerMessage: string;
  remedy: string | null;
  refusalReason: string | null;
  alternativeOffered: string | null;
  nextSteps: string | null;
}

/** One answer per outcome and language: what the resolutions table and the customer's message say. */
export const RESOLUTIONS: PerLanguage<Record<'upheld' | 'partially_upheld' | 'not_upheld', ResolutionText>> = {
  en: {
    upheld: {
      customerMessage: 'Thank you for waiting while we looked into this. You were right, and I am sorry.',
      remedy: 'We have refunded the full amount to your card; it will show within five working days.',
      refusalReason: null,
      alternativeOffered: null,
      nextSteps: null,
    },
    partially_upheld: {
      customerMessage: 'Thank you for your patience while we reviewed your case, and I am sorry it took this long.',
      remedy: 'We have refunded the delivery charge.',
      refusalReason: 'The item was used for longer than the return period allows, so we cannot refund its full price.',
      alternativeOffered: 'We can offer a 20% discount on a replacement.',
      nextSteps: 'If you would like the discount, reply to this message and we will apply it to your next order.',
    },
    not_upheld: {
      customerMessage: 'Thank you for raising this with us; I understand this is not the answer you hoped for.',
      remedy: null,
      refusalReason: 'Our records show the payment was taken once: the second line on your statement is a temporary hold that your bank releases.',
      alternativeOffered: 'We can send you a statement that shows the single payment.',
      nextSteps: 'If the amount is still on your statement after five working days, send us a copy and we will raise it with the bank.',
    },
  },
  lv: {
    upheld: {
      customerMessage: 'Paldies, ka pagaidījāt, kamēr mēs to izskatījām. Jums bija taisnība, un man ir žēl.',
      remedy: 'Mēs atmaksājām visu summu uz jūsu karti; tā būs redzama piecu darba dienu laikā.',
      refusalReason: null,
      alternativeOffered: null,
      nextSteps: null,
    },
    partially_upheld: {
      customerMessage: 'Paldies par pacietību, kamēr izskatījām jūsu lietu, un atvainojiet, ka tas aizņēma tik ilgu laiku.',
      remedy: 'Mēs atmaksājām piegādes maksu.',
      refusalReason: 'Prece tika lietota ilgāk, nekā atļauj atgriešanas termiņš, tāpēc mēs nevaram atmaksāt tās pilno cenu.',
      alternativeOffered: 'Mēs varam piedāvāt 20% atlaidi jaunai precei.',
      nextSteps: 'Ja vēlaties atlaidi, atbildiet uz šo ziņu, un mēs to piemērosim jūsu nākamajam pasūtījumam.',
    },
    not_upheld: {
      customerMessage: 'Paldies, ka vērsāties pie mums; es saprotu, ka tā nav atbilde, uz kuru cerējāt.',
      remedy: null,
      refusalReason: 'Mūsu ieraksti rāda, ka maksājums tika iekasēts vienreiz: otrā rinda jūsu izrakstā ir pagaidu rezervācija, ko banka atceļ.',
      alternativeOffered: 'Mēs varam nosūtīt izrakstu, kurā redzams viens maksājums.',
      nextSteps: 'Ja pēc piecām darba dienām summa joprojām ir jūsu izrakstā, atsūtiet mums kopiju, un mēs to risināsim ar banku.',
    },
  },
  ru: {
    upheld: {
      customerMessage: 'Спасибо, что подождали, пока мы разбирались. Вы были правы, и мне очень жаль.',
      remedy: 'Мы вернули всю сумму на вашу карту; она поступит в течение пяти рабочих дней.',
      refusalReason: null,
      alternativeOffered: null,
      nextSteps: null,
    },
    partially_upheld: {
      customerMessage: 'Спасибо за терпение, пока мы рассматривали ваше обращение, и извините, что это заняло так много времени.',
      remedy: 'Мы вернули стоимость доставки.',
      refusalReason: 'Товар использовался дольше, чем позволяет срок возврата, поэтому мы не можем вернуть его полную цену.',
      alternativeOffered: 'Мы можем предложить скидку 20% на замену.',
      nextSteps: 'Если вы хотите получить скидку, ответьте на это сообщение, и мы применим её к вашему следующему заказу.',
    },
    not_upheld: {
      customerMessage: 'Спасибо, что обратились к нам; я понимаю, что это не тот ответ, на который вы надеялись.',
      remedy: null,
      refusalReason: 'По нашим данным, платёж был списан один раз: вторая строка в вашей выписке — временная блокировка, которую снимает банк.',
      alternativeOffered: 'Мы можем прислать выписку, где виден один платёж.',
      nextSteps: 'Если через пять рабочих дней сумма всё ещё будет в выписке, пришлите нам копию, и мы решим это с банком.',
    },
  },
  uk: {
    upheld: {
      customerMessage: 'Дякуємо, що зачекали, поки ми розбиралися. Ви мали рацію, і мені дуже шкода.',
      remedy: 'Ми повернули всю суму на вашу картку; вона надійде протягом пʼяти робочих днів.',
      refusalReason: null,
      alternativeOffered: null,
      nextSteps: null,
    },
    partially_upheld: {
      customerMessage: 'Дякуємо за терпіння, поки ми розглядали ваше звернення, і вибачте, що це тривало так довго.',
      remedy: 'Ми повернули вартість доставки.',
      refusalReason: 'Товар використовувався довше, ніж дозволяє строк повернення, тому ми не можемо повернути його повну ціну.',
      alternativeOffered: 'Ми можемо запропонувати знижку 20% на заміну.',
      nextSteps: 'Якщо ви хочете отримати знижку, дайте відповідь на це повідомлення, і ми застосуємо її до вашого наступного замовлення.',
    },
    not_upheld: {
      customerMessage: 'Дякуємо, що звернулися до нас; я розумію, що це не та відповідь, на яку ви сподівалися.',
      remedy: null,
      refusalReason: 'За нашими даними, платіж було списано один раз: другий рядок у вашій виписці — тимчасове блокування, яке знімає банк.',
      alternativeOffered: 'Ми можемо надіслати виписку, де видно один платіж.',
      nextSteps: 'Якщо через пʼять робочих днів сума все ще буде у виписці, надішліть нам копію, і ми вирішимо це з банком.',
    },
  },
};

export const DISPUTE_REASONS: PerLanguage<readonly string[]> = {
  en: ['I do not agree: the charge is still on my statement.', 'The replacement has the same fault as the first one.'],
  lv: ['Es nepiekrītu: maksājums joprojām ir manā izrakstā.', 'Jaunajai precei ir tāds pats defekts kā pirmajai.'],
  ru: ['Я не согласен: списание всё ещё в моей выписке.', 'У замены тот же дефект, что и у первого товара.'],
  uk: ['Я не згоден: списання досі є в моїй виписці.', 'Заміна має той самий дефект, що й перший товар.'],
};

export const FEEDBACK_COMMENTS: PerLanguage<readonly string[]> = {
  en: ['Quick and friendly, thank you.', 'It took too long, but it was sorted in the end.'],
  lv: ['Ātri un laipni, paldies.', 'Aizņēma pārāk ilgu laiku, bet beigās atrisināja.'],
  ru: ['Быстро и вежливо, спасибо.', 'Слишком долго, но в итоге решили.'],
  uk: ['Швидко й привітно, дякую.', 'Надто довго, але зрештою вирішили.'],
};

/** Internal texts are written by staff, in English. A handoff's context says what the next team needs. */
export const HANDOFFS: readonly { reason: string; contextNote: string }[] = [
  { reason: 'The refund has to be approved by the team that owns payments.', contextNote: 'Customer wants the money back, not a voucher. Order and amount are confirmed; the payment was taken twice on the same day.' },
  { reason: 'Needs a technician to look at the installation.', contextNote: 'Customer already tried a reset with us on the phone. They are at home on weekday mornings and prefer a call the day before.' },
  { reason: 'The carrier contract is handled by the delivery team.', contextNote: 'Tracking stopped at the depot three days ago. Customer needs the parcel before the weekend; a redelivery is fine.' },
  { reason: 'Pricing question that only contracts can answer.', contextNote: 'Customer was told a different monthly price at signing. They have the sales e-mail and will forward it if asked.' },
];

export const INTERNAL_NOTES: readonly string[] = [
  'Checked the order history: two earlier complaints about the same order, both closed without a refund.',
  'Carrier confirms the parcel was scanned at the depot; waiting for their investigation.',
  'Called the customer, no answer; will try again tomorrow morning.',
  'The payment provider shows a single settled payment and one expired authorisation.',
];

/** Root causes: processes, never people (PRODUCT.md). Keyed by the migration's taxonomy codes. */
export const ROOT_CAUSE_DESCRIPTIONS: Record<string, readonly string[]> = {
  process_gap: ['No step of the returns process covers items bought with a gift card.', 'The order flow has no check for an address change after payment.'],
  handoff_loss: ['The delivery notes did not travel with the case when it moved to the field team.', 'The escalation form has no field for what the customer already tried, so it was asked again.'],
  unclear_policy: ['The refund policy does not say which date starts the return period.', 'Two versions of the fee schedule were published and they contradict each other.'],
  tooling: ['The billing system applies the fee twice when a payment is retried.', 'The booking tool shows free slots that are already taken.'],
  training_need: ['The new returns rules were not part of the onboarding material yet.', 'The checklist for warranty claims was not updated after the supplier changed.'],
  capacity: ['Demand in the sale week was twice the planned volume for the team.', 'Only one technician covers the region on Fridays.'],
  supplier: ['The courier missed the agreed delivery window.', 'The supplier shipped a batch without the updated safety label.'],
  product_defect: ['The charger model has a known fault in its power switch.', 'The app crashes on login on older phones after the last release.'],
  communication: ['The confirmation e-mail gave the wrong delivery date.', 'The website and the invoice describe the service fee differently.'],
  data_quality: ['The customer record held an outdated address from an earlier order.', 'Prices in the shop were loaded from last month’s price list.'],
};

/** How often each cause is recorded, roughly as committees see it. */
export const ROOT_CAUSE_WEIGHTS: Record<string, number> = {
  process_gap: 18, communication: 15, tooling: 12, handoff_loss: 10, capacity: 10, product_defect: 10, supplier: 8, data_quality: 7, unclear_policy: 6, training_need: 4,
};

export const NO_SYSTEMIC_CAUSE: readonly string[] = [
  'A one-off delay during a regional power cut; the process worked as designed once power returned.',
  'The customer’s bank held the payment for its own checks; nothing in our process caused or could prevent it.',
  'The item was damaged by storm flooding at the depot, an isolated event already covered by the carrier.',
];

export const PREVENTION_ACTIONS: Record<string, readonly { title: string; description: string }[]> = {
  process_gap: [{ title: 'Add a gift-card step to the returns process', description: 'Returns of items paid by gift card get their own step and a refund to a new card.' }],
  handoff_loss: [{ title: 'Carry case notes with every handoff', description: 'The handoff form copies the case notes and what the customer already tried.' }],
  unclear_policy: [{ title: 'Rewrite the refund policy start date', description: 'The policy names the delivery date as the start of the return period, in one published version.' }],
  tooling: [{ title: 'Stop duplicate fees on retried payments', description: 'The billing system checks for an existing fee before applying one to a retried payment.' }],
  training_need: [{ title: 'Update onboarding for the new returns rules', description: 'The onboarding course and checklist cover the returns rules introduced this year.' }],
  capacity: [{ title: 'Plan sale-week staffing from last year’s volume', description: 'Sale weeks are staffed from the previous year’s peak plus a margin.' }],
  supplier: [{ title: 'Agree delivery window penalties with the courier', description: 'The courier contract adds a credit for every missed delivery window.' }],
  product_defect: [{ title: 'Replace the faulty charger batch', description: 'Customers with the affected charger model are offered a replacement.' }],
  communication: [{ title: 'Align the confirmation e-mail with the booking', description: 'The confirmation e-mail reads the delivery date from the booking, not from the order.' }],
  data_quality: [{ title: 'Confirm the address at every order', description: 'The checkout asks to confirm the stored address before payment.' }],
};

export const MEETING_DECISIONS: readonly string[] = [
  'Review the returns process with the Returns and Refunds team and report back next meeting.',
  'Ask the delivery partner for a monthly report of missed delivery windows.',
  'Agree a prevention action for the recurring billing fee problem.',
  'No change: the figures are within the range the committee agreed.',
];

export const COMMITTEES: readonly { name: string; cadence: string; timeZone: string; durationMinutes: number; agendaLeadDays: number; departments: readonly string[] }[] = [
  {
    name: 'Customer committee',
    cadence: '0 10 * * 1',
    timeZone: 'Europe/Riga',
    durationMinutes: 90,
    agendaLeadDays: 3,
    departments: ['customer-care', 'billing', 'delivery', 'returns', 'technical-support', 'online-shop', 'stores', 'product-quality'],
  },
  { name: 'Delivery and returns review', cadence: '0 14 1 * *', timeZone: 'UTC', durationMinutes: 60, agendaLeadDays: 5, departments: ['delivery', 'returns', 'online-shop', 'customer-care'] },
  { name: 'Billing and contracts board', cadence: '30 9 * * 3', timeZone: 'Europe/London', durationMinutes: 60, agendaLeadDays: 2, departments: ['billing', 'payments', 'contracts', 'loyalty'] },
];
