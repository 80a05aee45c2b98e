import type { Random } from './prng'

const FIRST = [
  ['Алексей', 'Иванов'],
  ['Мария', 'Петрова'],
  ['Сергей', 'Смирнов'],
  ['Елена', 'Кузнецова'],
  ['Дмитрий', 'Попов'],
  ['Ольга', 'Васильева'],
  ['Андрей', 'Соколов'],
  ['Наталья', 'Михайлова'],
  ['Игорь', 'Новиков'],
  ['Татьяна', 'Фёдорова'],
  ['Павел', 'Морозов'],
  ['Ирина', 'Волкова'],
  ['Николай', 'Алексеев'],
  ['Светлана', 'Лебедева'],
  ['Михаил', 'Семёнов'],
  ['Анна', 'Егорова'],
  ['Владимир', "O'Брайен"],
  ['Юлия', 'Козлова'],
] as const

const LAST_ROOTS = ['Орлов', 'Зайцев', 'Белов', 'Киселёв', 'Громов', 'Титов', 'Крылов', 'Гусев']

const COMPANY_FORMS = ['ООО', 'АО', 'ПАО', 'ИП']
const COMPANY_WORDS = [
  'Северный',
  'Вектор',
  'Альфа',
  'Технологии',
  'Логистика',
  'Ресурс',
  'Инжиниринг',
  'Агро',
  'Фарм',
  'Строй',
  'Трейд',
  'Сибирь',
  'Волга',
  'Систем',
  'Групп',
  'Медиа',
]

/** A contact person's name: the pairs keep the surname's gender right. */
export function personName(r: Random): string {
  const [first, last] = r.pick(FIRST)
  if (r.next() < 0.5) return `${first} ${last}`
  const root = r.pick(LAST_ROOTS)
  return `${first} ${last.endsWith('а') ? `${root}а` : root}`
}

export function companyName(r: Random): string {
  return `${r.pick(COMPANY_FORMS)} «${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_WORDS)}»`
}
