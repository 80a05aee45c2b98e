/**
 * The demo knowledge base's hand-written articles, each in Russian and English. Pure data: the
 * ids are fixed so the seed can insert them idempotently and the tracks can refer to them.
 */

export interface FixedText {
  /** Id stem: the articles are `${key}-ru` and `${key}-en` (a translation of the first). */
  key: string
  kind: 'instruction' | 'article'
  stageIds: string[]
  roleIds: string[]
  tags: { ru: string[]; en: string[] }
  title: { ru: string; en: string }
  body: { ru: string; en: string }
}

const journey: FixedText = {
  key: 'kb-journey',
  kind: 'article',
  stageIds: [],
  roleIds: [],
  tags: { ru: ['онбординг', 'путь клиента'], en: ['onboarding', 'customer journey'] },
  title: {
    ru: 'Как устроена доска: путь клиента',
    en: 'How the board works: the customer journey',
  },
  body: {
    ru: `Клиент — ось всех наших процессов. Доска показывает его путь: **7 фаз** (точек контакта) и **40 этапов** — от входящей заявки до продления.

## Три роли на каждом этапе

- **Ответственный** отвечает за результат этапа и переносит карточку дальше.
- **Коммуникатор** говорит с клиентом: звонки, письма, встречи.
- **Саппорт** помогает: знаниями, документами, настройкой.

Так каждый видит свои задачи: этапы вашей роли подсвечены на доске.

## Как работать с карточкой

1. Откройте карточку — первым в ней показан регламент этапа для вашей роли.
2. Сделайте то, что в нём написано, и запишите итог в карточке.
3. Когда этап завершён, перенесите карточку на следующий этап.

У каждого этапа есть срок в рабочих днях; выходные не считаются. О том, что происходит, когда срок вышел, — в статье «Что происходит с просроченной карточкой».

> Если на вопрос есть ответ в базе знаний, отвечайте ссылкой на статью.`,
    en: `The client is the axis of all our processes. The board shows the client's journey: **7 phases** (touchpoints) and **40 stages**, from the inbound lead to the renewal.

## Three roles at every stage

- The **owner** is accountable for the stage's result and moves the card on.
- The **communicator** talks to the client: calls, messages, meetings.
- The **support** helps: with knowledge, documents, setup.

So everyone sees their own tasks: the stages of your role are highlighted on the board.

## Working a card

1. Open the card: it shows the stage's regulation for your role first.
2. Do what it says and note the outcome on the card.
3. When the stage is done, move the card to the next stage.

Every stage has a time limit in working days; weekends do not count. What happens when it runs out is in "How overdue cards are handled".

> If the knowledge base answers a question, answer with a link to the article.`,
  },
}

const feedback: FixedText = {
  key: 'kb-feedback',
  kind: 'article',
  stageIds: ['onboarding-sign-off', 'feedback-nps', 'joint-case-study', 'referral'],
  roleIds: ['account_manager'],
  tags: { ru: ['обратная связь', 'NPS'], en: ['feedback', 'NPS'] },
  title: { ru: 'Как запрашивать обратную связь', en: 'How to ask for feedback' },
  body: {
    ru: `Обратную связь просим **письменно** и примерно **через две недели после сдачи** — не по телефону и не в день завершения. За две недели клиент успевает поработать с результатом, а письменный ответ можно перечитать, переслать коллегам и процитировать в кейсе.

Через 10 рабочих дней после этапа «Завершение онбординга» аккаунт-менеджер получает задачу «Запросить обратную связь письменно».

## Что спросить

1. Насколько вероятно, что вы порекомендуете нас коллегам? (0–10)
2. Что получилось лучше всего?
3. Что нам сделать иначе?

Три вопроса — предел: длинную анкету не заполняют.

## Что делать с ответом

- Запишите оценку и главное в карточку клиента.
- Оценка 0–6 — сразу обсудите с тимлидом и переведите проблему на этап «Инциденты и конфликты».
- Оценка 9–10 — предложите совместный кейс или попросите рекомендацию.`,
    en: `Ask for feedback **in writing**, about **two weeks after delivery**: not by phone, and not on the day you finish. In two weeks the client has worked with the result, and a written answer can be reread, forwarded to colleagues and quoted in a case study.

Ten working days after *Onboarding sign-off* the account manager gets the task "Ask for feedback, in writing".

## What to ask

1. How likely are you to recommend us to a colleague? (0–10)
2. What went best?
3. What should we do differently?

Three questions at most: nobody fills in a long survey.

## What to do with the answer

- Note the score and the gist on the client's card.
- A score of 0–6: talk it over with your team lead at once and take the problem to *Issues & conflicts*.
- A score of 9–10: propose a joint case study or ask for a referral.`,
  },
}

const handoff: FixedText = {
  key: 'kb-handoff',
  kind: 'article',
  stageIds: ['handoff', 'account-manager-assigned'],
  roleIds: ['sales', 'account_manager', 'team_lead'],
  tags: { ru: ['передача', 'продажи'], en: ['handoff', 'sales'] },
  title: { ru: 'Передача клиента от продаж аккаунту', en: 'The sales → account handoff' },
  body: {
    ru: `Большинство воронок заканчивается на «оплачено». У нас после оплаты начинается работа аккаунта, и всё, что продажи знают о клиенте, должно перейти к нему без потерь.

## Что передают продажи

- Контакты: кто принимает решения, кто пользуется продуктом, кто платит.
- Что клиенту обещали — дословно, со ссылками на письма.
- Ожидания и критерии успеха из этапа «Выявление потребностей».
- Риски: сомнения, конкуренты, сроки, особые условия оплаты.
- Договор, счёт и все договорённости вне договора.

## Как проходит передача

1. Продажи заполняют карточку клиента по списку выше.
2. Тимлид назначает аккаунт-менеджера с учётом загрузки и грейда.
3. Продажи и аккаунт вместе созваниваются с клиентом: продажи представляют аккаунта.
4. Аккаунт подтверждает передачу в карточке — после этого вопросы идут к нему.

Передача завершена, когда аккаунт подтвердил, что знает всё необходимое.`,
    en: `Most funnels end at "paid". Here, the payment is where the account manager's work begins, and everything sales knows about the client has to reach them intact.

## What sales hands over

- Contacts: who decides, who uses the product, who pays.
- What the client was promised, word for word, with links to the messages.
- Expectations and success criteria from *Needs discovery*.
- Risks: doubts, competitors, deadlines, special payment terms.
- The contract, the invoice and every agreement outside the contract.

## How the handoff goes

1. Sales completes the client card along the list above.
2. The team lead assigns an account manager by load and grade.
3. Sales and the account manager call the client together; sales introduces the account manager.
4. The account manager confirms the handoff on the card; from then on, questions go to them.

The handoff is done when the account manager confirms they know everything they need.`,
  },
}

const overdue: FixedText = {
  key: 'kb-overdue',
  kind: 'article',
  stageIds: [],
  roleIds: ['team_lead'],
  tags: { ru: ['сроки', 'SLA'], en: ['time limits', 'SLA'] },
  title: { ru: 'Что происходит с просроченной карточкой', en: 'How overdue cards are handled' },
  body: {
    ru: `У каждого этапа есть срок в **рабочих днях**. Выходные, праздники и нерабочие часы не считаются: время принадлежит клиенту, но и у команды есть выходные.

## Когда срок вышел

- На большинстве этапов карточка **помечается просроченной**, а ответственный и его руководитель получают уведомление. Если карточка стоит вдвое дольше срока, приходит второе уведомление.
- На этапах с политикой **«вернуть»** (квалификация, первый звонок, выявление потребностей и другие этапы продажи) карточка **возвращается на предыдущий этап**, и руководитель получает уведомление. Сделка, которая висит, — это сделка, которую нужно заново довести.

Каждое утро тимлид получает сводку: просроченные карточки команды и загрузку каждого.

## Что делать ответственному

1. Запишите в карточке, почему этап задержался и какой следующий шаг.
2. Если срок нереален, договоритесь с тимлидом.
3. Если клиент пропал — переведите карточку на этап «Риск оттока».

Что не регламентировано — не контролируется: если срок этапа всё время не выдерживается, предложите тимлиду его изменить.`,
    en: `Every stage has a time limit in **working days**. Weekends, holidays and non-working hours do not count: time belongs to the client, but the team has weekends too.

## When time runs out

- At most stages the card is **flagged overdue**, and its owner and the owner's lead are notified. If the card stays twice as long as the limit, a second notice follows.
- At stages whose policy is **"return"** (qualification, first call, needs discovery and other sales stages) the card **goes back to the previous stage** and the lead is notified. A deal that hangs is a deal that has to be won again.

Every morning the team lead gets a digest: the team's overdue cards and everyone's load.

## What the owner does

1. Note on the card why the stage is late and what the next step is.
2. If the limit cannot be met, agree on it with your team lead.
3. If the client has gone quiet, move the card to *Churn risk*.

What is not regulated is not controlled: if a stage's limit is never met, propose a new one to your team lead.`,
  },
}

const grades: FixedText = {
  key: 'kb-grades',
  kind: 'article',
  stageIds: ['account-manager-assigned'],
  roleIds: ['team_lead'],
  tags: { ru: ['грейды', 'загрузка'], en: ['grades', 'load'] },
  title: {
    ru: 'Грейды, загрузка и распределение клиентов',
    en: 'Grades, load and assigning clients',
  },
  body: {
    ru: `Нового клиента получает тот, у кого сейчас есть место, и чей грейд подходит уровню клиента.

## Ёмкость по грейдам

- Стажёр — 4 (только как саппорт), джуниор — 8, мидл — 12, сеньор — 16, тимлид — 6 (он руководит).

## Вес клиента

- **A** (ключевой) — 3 балла, ведёт сеньор и выше.
- **B** — 2 балла, мидл и выше.
- **C** — 1 балл, джуниор и выше.

## Как выбрать

1. Отберите тех, чей грейд подходит уровню клиента.
2. Из них выберите наименее загруженного *на текущий момент*.
3. Под одним тимлидом — не больше 5–7 человек; больше — нужна ещё одна группа.`,
    en: `A new client goes to whoever has room right now and whose grade fits the client's tier.

## Capacity by grade

- Intern 4 load points (support only), junior 8, middle 12, senior 16, lead 6 (they manage).

## Client weight

- **A** (key) weighs 3 and needs a senior or above.
- **B** weighs 2 and needs a middle or above.
- **C** weighs 1 and needs a junior or above.

## How to choose

1. Keep those whose grade fits the client's tier.
2. Of them, pick the least loaded *at this moment*.
3. One lead manages 5–7 people at most; beyond that, start another group.`,
  },
}

/** The hand-written texts; the overdue rules come with an overdue review for the demo. */
export const FIXED_TEXTS: readonly FixedText[] = [journey, handoff, feedback, overdue, grades]
