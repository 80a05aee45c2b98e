import { useI18n } from '../i18n'

export const DRAWER_TABS = [
  'overview',
  'journal',
  'contacts',
  'people',
  'tasks',
  'history',
] as const
export type DrawerTab = (typeof DRAWER_TABS)[number]

/** The drawer's tabs (arrow keys move between them, as a tab list should). */
export function DrawerTabs({
  active,
  onChange,
}: {
  active: DrawerTab
  onChange: (tab: DrawerTab) => void
}) {
  const { t } = useI18n()
  const go = (from: DrawerTab, step: number) => {
    const i = DRAWER_TABS.indexOf(from)
    const next = DRAWER_TABS[(i + step + DRAWER_TABS.length) % DRAWER_TABS.length] ?? from
    onChange(next)
    document.getElementById(`drawer-tab-${next}`)?.focus()
  }
  return (
    <div class="drawer-tabs" role="tablist" aria-label={t('drawer.tabs')}>
      {DRAWER_TABS.map((tab) => (
        <button
          key={tab}
          id={`drawer-tab-${tab}`}
          type="button"
          role="tab"
          class="drawer-tabs__tab"
          aria-selected={tab === active}
          aria-controls="drawer-panel"
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onChange(tab)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') go(tab, 1)
            else if (event.key === 'ArrowLeft') go(tab, -1)
            else return
            event.preventDefault()
          }}
        >
          {t(`drawer.tab.${tab}`)}
        </button>
      ))}
    </div>
  )
}
