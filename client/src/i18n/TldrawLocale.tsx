import { useEffect } from 'react'
import { useEditor } from 'tldraw'
import { useLanguage } from './i18n'

/**
 * Put inside `<Tldraw>`: tldraw's own menus and tooltips follow Tavolo's language. Its translations
 * come from the self-hosted assets (getAssetUrlsByImport), never a CDN.
 */
export function TldrawLocale() {
  const editor = useEditor()
  const language = useLanguage()
  useEffect(() => {
    if (editor.user.getLocale() !== language) editor.user.updateUserPreferences({ locale: language })
  }, [editor, language])
  return null
}
