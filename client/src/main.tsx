import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import './styles.css'
// Before the App, so the first render is already in the user's language.
import './i18n/i18n'
import { App } from './App'
import { registerServiceWorker } from './offline/registerServiceWorker'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
