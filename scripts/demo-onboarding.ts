/** First-week checklists for the demo onboarding tracks, by role, in Russian and English. */
export const CHECKLISTS: Record<string, { ru: string; en: string }[]> = {
  sales: [
    {
      ru: 'Открыть на доске фазы «Привлечение» и «Продажа»',
      en: 'Open the Acquisition and Sale phases on the board',
    },
    {
      ru: 'Разобрать с наставником три входящие заявки',
      en: 'Go through three inbound leads with your mentor',
    },
    {
      ru: 'Послушать запись первого звонка и прочитать письмо по итогам',
      en: 'Listen to a recorded first call and read its follow-up message',
    },
    {
      ru: 'Провести первый звонок вместе с наставником',
      en: 'Run a first call together with your mentor',
    },
    {
      ru: 'Заполнить в карточке источник, контакт и следующий шаг',
      en: "Fill in a card's source, contact and next step",
    },
  ],
  bizdev: [
    {
      ru: 'Изучить чек-лист скоринга и уровни A, B, C',
      en: 'Study the scoring checklist and the tiers A, B, C',
    },
    { ru: 'Оценить с наставником пять новых лидов', en: 'Score five new leads with your mentor' },
    { ru: 'Посмотреть запись демонстрации платформы', en: 'Watch a recorded platform demo' },
    {
      ru: 'Подготовить сценарий демо для одного клиента',
      en: 'Prepare a demo script for one client',
    },
    {
      ru: 'Разобрать два проигранных решения и их причины',
      en: 'Review two lost decisions and why they were lost',
    },
  ],
  account_manager: [
    {
      ru: 'Открыть свои карточки и проверить этапы и сроки',
      en: 'Open your cards and check their stages and time limits',
    },
    { ru: 'Принять передачу одного клиента от продаж', en: 'Take over one client from sales' },
    {
      ru: 'Побывать на стартовой встрече у коллеги',
      en: "Sit in on a colleague's kickoff meeting",
    },
    { ru: 'Подготовить черновик отчёта клиенту', en: 'Draft a client report' },
    { ru: 'Написать письменный запрос обратной связи', en: 'Write a feedback request, in writing' },
    { ru: 'Разобрать с тимлидом свою загрузку', en: 'Go over your load with your team lead' },
  ],
  team_lead: [
    { ru: 'Проверить грейды и загрузку команды', en: "Check your team's grades and load" },
    {
      ru: 'Назначить аккаунта новому клиенту по загрузке',
      en: 'Assign an account manager to a new client by load',
    },
    {
      ru: 'Прочитать утреннюю сводку и уведомления',
      en: 'Read the morning digest and the notifications',
    },
    { ru: 'Разобрать просроченные карточки команды', en: "Go through the team's overdue cards" },
    {
      ru: 'Проверить, каким регламентам пора пересмотр',
      en: 'See which regulations are due for review',
    },
  ],
  support: [
    { ru: 'Получить доступ к тестовому аккаунту', en: 'Get access to the test account' },
    {
      ru: 'Пройти настройку интеграций на демо-данных',
      en: 'Walk through the integration setup on demo data',
    },
    {
      ru: 'Разобрать пять последних запросов клиентов',
      en: 'Go through the five latest client requests',
    },
    { ru: 'Выучить порядок эскалации инцидентов', en: 'Learn the incident escalation path' },
  ],
  finance: [
    { ru: 'Изучить шаблоны договора и счёта', en: 'Study the contract and invoice templates' },
    {
      ru: 'Выставить тестовый счёт вместе с наставником',
      en: 'Issue a test invoice with your mentor',
    },
    { ru: 'Разобрать дебиторку по трём клиентам', en: 'Review the receivables of three clients' },
    {
      ru: 'Проверить закрывающие документы за прошлый месяц',
      en: "Check last month's closing documents",
    },
  ],
  marketing: [
    {
      ru: 'Изучить источники заявок и их конверсию',
      en: 'Study the lead sources and their conversion',
    },
    {
      ru: 'Собрать пакет материалов для первого звонка',
      en: 'Put together the materials pack for first calls',
    },
    { ru: 'Прочитать два совместных кейса', en: 'Read two joint case studies' },
    {
      ru: 'Договориться с аккаунтом об одном новом кейсе',
      en: 'Agree a new case study with an account manager',
    },
  ],
  product: [
    {
      ru: 'Посмотреть запись демо и список частых вопросов',
      en: 'Watch a recorded demo and read the FAQ',
    },
    { ru: 'Побывать на стартовой встрече клиента', en: 'Sit in on a client kickoff' },
    {
      ru: 'Провести CustDev-интервью вместе с аккаунтом',
      en: 'Run a CustDev interview with an account manager',
    },
    {
      ru: 'Разобрать пожелания клиентов за месяц',
      en: "Go through a month of clients' product requests",
    },
  ],
}
