import type { Page } from 'playwright-core'

/** A page of the app as a signed-in person reaches it, and what says it has finished drawing. */
export interface AppPage {
  path: string
  ready: string
}

/** Every page of the app for an admin (who may open all of them), with demo data. */
export const ADMIN_PAGES: readonly AppPage[] = [
  { path: '/', ready: '.card-slot' },
  { path: '/?card=c-001', ready: '#money-title' },
  { path: '/tasks', ready: '.my-tasks__title' },
  { path: '/team', ready: '.team-table' },
  { path: '/kb', ready: '.kb-item' },
  { path: '/kb/kb-overdue-ru', ready: '.kb-article__title' },
  { path: '/kb/kb-overdue-ru/edit', ready: 'textarea' },
  { path: '/kb/new', ready: 'textarea' },
  { path: '/kb/stages/first-call', ready: 'main h1' },
  { path: '/onboarding', ready: '.ob__title' },
  { path: '/settings', ready: '.settings form' },
  { path: '/settings?tab=automations', ready: '.settings__content h2' },
  { path: '/settings?tab=webhooks', ready: '.settings__content h2' },
  { path: '/settings?tab=stages', ready: '.admin-row' },
  { path: '/settings?tab=phases', ready: '.admin-row' },
  { path: '/settings?tab=users', ready: '.admin-row' },
  { path: '/settings?tab=sessions', ready: '.admin-row' },
  { path: '/settings?tab=tokens', ready: '.settings__content form' },
  { path: '/settings?tab=members', ready: '.admin-row' },
  { path: '/settings?tab=load', ready: '.settings__content form' },
  { path: '/onboarding/manage', ready: '[data-newcomer-id]' },
]

/** Opens an in-app page and waits until it has drawn its content. */
export async function openPage(page: Page, target: AppPage): Promise<void> {
  await page.goto(target.path)
  await page.locator(target.ready).first().waitFor()
  // Lazy parts (fonts, charts, the drawer's sections) settle within a frame or two.
  await page.waitForTimeout(300)
}
