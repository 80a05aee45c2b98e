import { navigate } from './nav'

/** Follows an in-app link without a page load; new-tab and new-window clicks keep the browser's way. */
export const followLink = (url: string) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(url)
}
