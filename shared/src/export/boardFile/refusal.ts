import { defaultLanguage, translatorFor } from '../../i18n'
import type { ApiErrorParams } from '../../wire/errors'
import type { BoardFileRefusal } from './format'

// Why a board file is refused, worded by the catalogue (`serverErrors.<code>`): the English
// sentence here, the same code worded in the person's language in the browser.

export function refuse(code: BoardFileRefusal['code'], params?: ApiErrorParams): BoardFileRefusal {
  return { ok: false, code, ...(params && { params }), error: translatorFor(defaultLanguage)(`serverErrors.${code}`, params ?? {}) }
}

/** A board file that cannot be read: `what` names the part and what is wrong with it. */
export function damaged(what: string): BoardFileRefusal {
  return refuse('board-file-damaged', { what: what.replace(/\.$/, '') })
}
