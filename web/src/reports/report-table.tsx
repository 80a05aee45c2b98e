import type { ReportTable } from '../api/reports'
import { useI18n } from '../i18n'

/** A cell as the CSV writes it: decimals with a comma in Russian, nothing for no value. */
export function cellText(value: string | number | null, locale: string): string {
  if (value === null) return ''
  if (typeof value === 'number')
    return locale === 'ru' ? String(value).replace('.', ',') : String(value)
  return value
}

/** A report's numbers as a table, the same cells its CSV holds; optional links on the first column. */
export function ReportTableView({
  table,
  caption,
  links,
}: {
  table: ReportTable
  caption: string
  links?: readonly (string | null)[]
}) {
  const { locale, t } = useI18n()
  if (table.rows.length === 0) return <p class="report-empty">{t('reports.empty')}</p>
  return (
    <div class="report-table-wrap">
      <table class="report-table" data-table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => {
                const text = cellText(cell, locale)
                const href = i === 0 ? links?.[r] : null
                return (
                  <td key={i} class={typeof cell === 'number' ? 'num' : undefined}>
                    {href ? <a href={href}>{text}</a> : text}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
