/** What a new set of labels adds to and removes from a card's current ones, in the new order. */
export function labelDiff(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((id) => !before.includes(id)),
    removed: before.filter((id) => !after.includes(id)),
  }
}
