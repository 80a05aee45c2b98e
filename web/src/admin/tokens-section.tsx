import { useState } from 'preact/hooks'
import { createToken, listTokens, revokeToken, type ApiToken } from '../api/accounts'
import { ask } from '../components/confirm-dialog'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { reportFailure } from '../components/save-failure'
import type { FieldErrors } from '../components/form-errors'
import { SecretBox } from '../components/secret-box'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { useLoaded } from '../components/use-loaded'
import './admin.css'
import { LIMITS } from '../../../schema/limits'

/** API tokens for integrations: create one (its secret shown once), see use, revoke. */
export function TokensSection() {
  const { t, dateTime } = useI18n()
  const { data: tokens, set, failed, reload } = useLoaded(listTokens)
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null)
  const [name, setName] = useState('')
  const [scope, setScope] = useState<'read' | 'write'>('read')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!tokens) return <LoadingState />

  const create = async () => {
    setSaving(true)
    setErrors({})
    try {
      const { token, ...created } = await createToken({ name, scope })
      set([created, ...tokens])
      setSecret({ name: created.name, token })
      setName('')
    } catch (error) {
      setErrors(saveErrors(error, t))
    }
    setSaving(false)
  }

  const revoke = async (token: ApiToken) => {
    const ok = await ask({
      title: t('admin.tokens.revoke.title', { name: token.name }),
      message: t('admin.tokens.revoke.message'),
      confirm: t('admin.tokens.revoke'),
      cancel: t('settings.cancel'),
    })
    if (!ok) return
    try {
      await revokeToken(token.id)
      reload()
      toast(t('admin.tokens.revoked'), 'info')
    } catch (error) {
      if (reportFailure(error, t('admin.conflict'), t)) reload()
    }
  }

  return (
    <div class="admin-list">
      {secret && (
        <SecretBox
          title={t('admin.tokens.secret.title')}
          about={t('admin.tokens.secret.about', { name: secret.name })}
          secret={secret.token}
          onDone={() => setSecret(null)}
        />
      )}
      <form
        noValidate
        class="settings-card admin-form"
        aria-label={t('admin.tokens.add')}
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <h3 class="settings-card__title">{t('admin.tokens.add')}</h3>
        <FormNotice errors={errors} shown={['name', 'scope']} />
        <div class="admin-form__grid">
          <TextField
            id="token-name"
            label={t('admin.tokens.name')}
            value={name}
            maxLength={LIMITS.tokenName}
            errors={errors.name}
            onValue={setName}
          />
          <SelectField
            id="token-scope"
            label={t('admin.tokens.scope')}
            value={scope}
            options={[
              { value: 'read', label: t('admin.tokens.scope.read') },
              { value: 'write', label: t('admin.tokens.scope.write') },
            ]}
            errors={errors.scope}
            onValue={(v) => setScope(v === 'write' ? 'write' : 'read')}
          />
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? t('settings.saving') : t('admin.tokens.create')}
          </button>
        </div>
      </form>
      <div class="settings-card">
        <h3 class="settings-card__title">{t('admin.tokens.list')}</h3>
        {tokens.length === 0 ? (
          <p class="settings-empty">{t('admin.tokens.empty')}</p>
        ) : (
          <ul class="admin-rows">
            {tokens.map((token) => (
              <li
                key={token.id}
                class={`admin-row${token.revokedAt ? ' admin-row--off' : ''}`}
                data-token-id={token.id}
              >
                <div class="admin-row__line">
                  <div class="admin-row__main">
                    <p class="admin-row__title">
                      {token.name}
                      <span class="admin-chip">{t(`admin.tokens.scope.${token.scope}`)}</span>
                    </p>
                    <p class="admin-row__meta">
                      <span>{t('admin.tokens.since', { date: dateTime(token.createdAt) })}</span>
                      <span>
                        {token.lastUsedAt
                          ? t('admin.tokens.used', { date: dateTime(token.lastUsedAt) })
                          : t('admin.tokens.unused')}
                      </span>
                      {token.revokedAt && (
                        <span class="admin-row__off">
                          {t('admin.tokens.revokedOn', { date: dateTime(token.revokedAt) })}
                        </span>
                      )}
                    </p>
                  </div>
                  {!token.revokedAt && (
                    <button type="button" class="button" onClick={() => void revoke(token)}>
                      {t('admin.tokens.revoke')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
