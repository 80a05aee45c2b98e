import { useEffect, useRef, useState } from 'preact/hooks'
import { setPerson } from '../api/assignments'
import type { BoardModel } from '../board/board-model'
import { useI18n } from '../i18n'
import type { BulkStep } from './bulk'
import { MemberOptions } from '../components/member-options'

interface Props {
  model: BoardModel
  count: number
  onAssign: (step: BulkStep) => void
  onClose: () => void
}

/**
 * Bulk "assign": one person for one journey role on every picked card, through the same
 * endpoint as the drawer (eligibility, team scope and history per card). Anyone but a card's
 * top suggestion needs a reason, so the form asks for one up front.
 */
export function BulkAssign({ model, count, onAssign, onClose }: Props) {
  const { t, text } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const roles = [...model.roles.values()].sort((a, b) => a.position - b.position)
  const members = [...model.members.values()]
    .filter((m) => m.active)
    .sort((a, b) => a.name.localeCompare(b.name))
  const [roleId, setRoleId] = useState(roles[0]?.id ?? '')
  const [memberId, setMemberId] = useState('')
  const [reason, setReason] = useState('')
  const [tried, setTried] = useState(false)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    return () => el?.close()
  }, [])

  return (
    <dialog
      ref={dialog}
      class="bulk-assign"
      aria-labelledby="bulk-assign-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setTried(true)
          if (!memberId || !roleId) return
          const why = reason.trim()
          onAssign((client) =>
            client.people[roleId] === memberId
              ? null
              : () =>
                  setPerson(client.id, roleId, {
                    memberId,
                    version: client.version,
                    ...(why ? { reason: why } : {}),
                  }),
          )
        }}
      >
        <h2 id="bulk-assign-title" class="bulk-assign__title">
          {t('quick.bulk.assign.title', { n: count })}
        </h2>
        <label class="field">
          <span class="field__label">{t('quick.bulk.assign.role')}</span>
          <select class="select" value={roleId} onChange={(e) => setRoleId(e.currentTarget.value)}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {text(role.name)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('quick.bulk.assign.member')}</span>
          <select
            class="select"
            value={memberId}
            aria-invalid={tried && !memberId}
            onChange={(e) => setMemberId(e.currentTarget.value)}
          >
            <option value="">{t('quick.bulk.assign.pick')}</option>
            <MemberOptions members={members} />
          </select>
        </label>
        {tried && !memberId && (
          <p class="bulk-assign__error" role="alert">
            {t('quick.bulk.assign.noMember')}
          </p>
        )}
        <label class="field">
          <span class="field__label">{t('quick.bulk.assign.reason')}</span>
          <textarea
            class="input"
            rows={2}
            maxLength={500}
            value={reason}
            placeholder={t('assign.reason.placeholder')}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <div class="form__actions">
          <button type="button" class="button" onClick={onClose}>
            {t('assign.cancel')}
          </button>
          <button type="submit" class="button button--primary">
            {t('quick.bulk.assign.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
