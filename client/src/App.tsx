import { useRoute } from './routing'
import { BoardScreen } from './screens/BoardScreen'
import { HomeScreen } from './screens/HomeScreen'
import { PresentScreen } from './screens/PresentScreen'
import { ScreenMessage } from './screens/ScreenMessage'

export function App() {
  const route = useRoute()
  switch (route.name) {
    case 'home':
      return <HomeScreen />
    case 'board':
      // keyed so that opening another board (or another link to it) starts a fresh session
      return <BoardScreen key={`${route.boardId}#${route.secret}`} boardId={route.boardId} secret={route.secret} />
    case 'present':
      return <PresentScreen key={`${route.boardId}#${route.secret}`} boardId={route.boardId} secret={route.secret} />
    case 'not-found':
      return (
        <ScreenMessage title="Page not found" testId="not-found">
          <p>There is nothing at {route.path}.</p>
        </ScreenMessage>
      )
  }
}
