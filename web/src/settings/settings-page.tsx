import { useI18n, type MessageKey } from '../i18n'
import { href, navigate, type Place } from '../routing/nav'
import { ADMIN_TABS, AdminSection, type AdminTab } from '../admin/admin-tabs'
import { AutomationsSection } from './automations-section'
import { CalendarSection } from './calendar-section'
import { LabelsAdmin } from './labels-admin'
import { WebhooksSection } from './webhooks-section'
import './settings.css'

const TABS = ['calendar', 'automations', 'webhooks', 'labels', ...ADMIN_TABS] as const
type Tab = (typeof TABS)[number]

const TAB_TITLES: Record<Tab, MessageKey> = {
  calendar: 'settings.calendar',
  automations: 'settings.automations',
  webhooks: 'settings.webhooks',
  labels: 'labels.admin.title',
  ...Object.fromEntries(ADMIN_TABS.map((tab) => [tab, `admin.${tab}` as const])),
} as Record<Tab, MessageKey>

const TAB_HINTS: Record<Tab, MessageKey> = {
  calendar: 'settings.calendar.hint',
  automations: 'settings.automations.hint',
  webhooks: 'settings.webhooks.hint',
  labels: 'labels.admin.hint',
  ...Object.fromEntries(ADMIN_TABS.map((tab) => [tab, `admin.${tab}.hint` as const])),
} as Record<Tab, MessageKey>

const isAdminTab = (tab: Tab): tab is AdminTab => (ADMIN_TABS as readonly string[]).includes(tab)

/**
 * The admin's settings: the working calendar, stage automations, outgoing webhooks, and the
 * template, accounts and people (see admin-tabs).
 */
export default function SettingsPage({ place }: { place: Place }) {
  const { t } = useI18n()
  const asked = place.search.get('tab')
  const tab: Tab = TABS.find((x) => x === asked) ?? 'calendar'
  const go = (url: string) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate(url)
  }

  return (
    <main class="settings">
      <div class="settings__inner">
        <header class="settings__header">
          <a class="settings__back" href="/" onClick={go('/')}>
            {t('settings.back')}
          </a>
          <h1 class="settings__title">{t('settings.title')}</h1>
        </header>
        <div class="settings__layout">
          <nav class="settings__nav" aria-label={t('settings.title')}>
            {TABS.map((name) => {
              const url = href(place.path, new URLSearchParams({ tab: name }))
              return (
                <a
                  key={name}
                  class="settings__tab"
                  href={url}
                  aria-current={name === tab ? 'page' : undefined}
                  onClick={go(url)}
                >
                  {t(TAB_TITLES[name])}
                </a>
              )
            })}
          </nav>
          <section class="settings__content" aria-labelledby="settings-section-title">
            <h2 id="settings-section-title" class="settings__section-title">
              {t(TAB_TITLES[tab])}
            </h2>
            <p class="settings__hint">{t(TAB_HINTS[tab])}</p>
            {tab === 'calendar' && <CalendarSection />}
            {tab === 'automations' && <AutomationsSection place={place} />}
            {tab === 'webhooks' && <WebhooksSection />}
            {tab === 'labels' && <LabelsAdmin />}
            {isAdminTab(tab) && <AdminSection tab={tab} />}
          </section>
        </div>
      </div>
    </main>
  )
}
