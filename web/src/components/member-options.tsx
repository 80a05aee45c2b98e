/** The `<option>`s of a select that picks a member, by name. */
export function MemberOptions({ members }: { members: readonly { id: string; name: string }[] }) {
  return (
    <>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </>
  )
}
