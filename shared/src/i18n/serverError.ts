import type { TFunction } from 'i18next'
import { isObject } from '../board/shapeLike'
import { isApiErrorCode } from '../wire/errors'

/**
 * An error answer of the API (`ApiErrorBody`) worded in `t`'s language from its code, with the
 * server's English sentence as `{{detail}}`; null for a body without a code this version knows,
 * whose `error` text is then the best there is.
 */
export function serverErrorText(t: TFunction, body: unknown): string | null {
  if (!isObject(body) || !isApiErrorCode(body.code)) return null
  const params = isObject(body.params) ? body.params : {}
  return t(`serverErrors.${body.code}`, { ...params, detail: typeof body.error === 'string' ? body.error : '' })
}
