import type { ComponentChildren } from 'preact'
import { useI18n } from '../i18n'
import './app-header.css'

/** The product bar: name and sections on the left, controls on the right. */
export function AppHeader({
  children,
  nav,
}: {
  children?: ComponentChildren
  nav?: ComponentChildren
}) {
  const { t } = useI18n()
  return (
    <header class="topbar">
      <div class="topbar__brand">
        <span class="topbar__logo" aria-hidden="true" />
        <h1 class="topbar__name">{t('app.name')}</h1>
      </div>
      {nav}
      <div class="topbar__actions">{children}</div>
    </header>
  )
}
