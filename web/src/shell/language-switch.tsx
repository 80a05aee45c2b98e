import { LOCALES, useI18n, type Locale } from '../i18n'

export function LanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { locale, t } = useI18n()
  return (
    <div class="lang" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          class="lang__option"
          aria-pressed={option === locale}
          title={t(`lang.${option}.title`)}
          lang={option}
          onClick={() => onChange(option)}
        >
          {t(`lang.${option}`)}
        </button>
      ))}
    </div>
  )
}
