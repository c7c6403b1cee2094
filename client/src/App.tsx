import { useTranslation } from 'react-i18next'
import { useRoute } from './routing'
import { BoardScreen } from './screens/BoardScreen'
import { HomeScreen } from './screens/HomeScreen'
import { PresentScreen } from './screens/PresentScreen'
import { ScreenMessage } from './screens/ScreenMessage'

export function App() {
  const route = useRoute()
  const { t } = useTranslation()
  switch (route.name) {
    case 'home':
      return <HomeScreen />
    case 'board':
      // keyed so that opening another board (or another link to it) starts a fresh session
      return <BoardScreen key={`${route.boardId}#${route.secret}`} boardId={route.boardId} secret={route.secret} />
    case 'present':
      return <PresentScreen key={`${route.boardId}#${route.secret}`} boardId={route.boardId} secret={route.secret} joinSecret={route.joinSecret} />
    case 'not-found':
      return (
        <ScreenMessage title={t('app.pageNotFound')} testId="not-found">
          <p>{t('app.nothingAt', { path: route.path })}</p>
        </ScreenMessage>
      )
  }
}
