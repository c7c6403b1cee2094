import { useTranslation } from 'react-i18next'
import { useEffect, useRef, useState } from 'react'
import {
  addMinutes,
  formatRemaining,
  isTimeUp,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  startTimer,
} from '../../../shared/src/session/timer'
import { serverNow } from '../../../shared/src/session/clockOffset'
import { useBoardFacilitation } from './FacilitationContext'
import { allowTimeUpSound, playTimeUpSound } from './timeUpSound'
import { useServerNow } from './useServerNow'

// The workshop countdown everyone sees, computed from the server's clock so all screens agree.
// At zero: the display turns red and pulses, a chime plays (unless muted here) and screen
// readers hear "Time is up".

const MUTE_KEY = 'tavolo.timerMuted'

export function WorkshopTimer({ large = false }: { large?: boolean }) {
  const { session, isFacilitator, clockOffsetMs } = useBoardFacilitation()
  const { t } = useTranslation()
  const timer = session.timer
  const now = useServerNow(clockOffsetMs, timer.status === 'running')
  const left = remainingMs(timer, now)
  const timeUp = isTimeUp(timer, now)
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1')
  const chimedFor = useRef<number | null>(null)
  const endsAt = timer.status === 'running' ? timer.endsAt : null

  useEffect(() => {
    // Once per countdown, and only for one that ran out while this page was open.
    if (timeUp && endsAt !== null && chimedFor.current !== endsAt) {
      chimedFor.current = endsAt
      if (!muted && serverNow(clockOffsetMs, Date.now()) - endsAt < 5_000) playTimeUpSound()
    }
  }, [timeUp, endsAt, muted, clockOffsetMs])

  useEffect(() => {
    // Any first click on the page lets the chime play later (browsers block sound before one).
    document.addEventListener('pointerdown', allowTimeUpSound, { once: true, capture: true })
    return () => document.removeEventListener('pointerdown', allowTimeUpSound, { capture: true })
  }, [])

  const toggleMute = () => {
    allowTimeUpSound()
    localStorage.setItem(MUTE_KEY, muted ? '0' : '1')
    setMuted(!muted)
  }
  const classes = ['tavolo-timer', `tavolo-timer-${timer.status}`, timeUp && 'tavolo-timer-up', large && 'tavolo-timer-large']
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid="timer" data-status={timer.status} data-time-up={timeUp || undefined}>
      <span className="tavolo-timer-label">{t('timer.label')}</span>
      <span className="tavolo-timer-time" data-testid="timer-time" data-remaining-ms={left} role="timer" aria-label={t('timer.timeLeft', { time: formatRemaining(left) })}>
        {formatRemaining(left)}
      </span>
      <span className="tavolo-visually-hidden" aria-live="assertive" data-testid="timer-announcement">
        {timeUp ? t('timer.timeUp') : ''}
      </span>
      {isFacilitator && <TimerControls />}
      <button type="button" className="tavolo-icon-button" onClick={toggleMute} title={t('timer.soundHint')}>
        {muted ? t('timer.soundOff') : t('timer.soundOn')}
      </button>
    </div>
  )
}

function TimerControls() {
  const { session, writeSession, clockOffsetMs } = useBoardFacilitation()
  const { t } = useTranslation()
  const timer = session.timer
  const [minutes, setMinutes] = useState(String(timer.durationMs / 60_000))
  const [error, setError] = useState<string | null>(null)
  // The click's own time, not the last render's: the display may be a quarter second old.
  const current = () => serverNow(clockOffsetMs, Date.now())

  const start = () => {
    const value = Number(minutes)
    try {
      writeSession('timer', startTimer(Math.round(value * 60_000), current()))
      setError(null)
    } catch {
      setError(t('timer.minutesInvalid'))
    }
  }
  return (
    <span className="tavolo-timer-controls">
      {timer.status === 'idle' && (
        <>
          <label className="tavolo-inline-label">
            <span className="tavolo-visually-hidden">{t('timer.minutes')}</span>
            <input type="number" min={1} max={240} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={error !== null} data-testid="timer-minutes" />
          </label>
          <button type="button" onClick={start} data-testid="timer-start">
            {t('timer.start')}
          </button>
        </>
      )}
      {timer.status === 'running' && (
        <button type="button" onClick={() => writeSession('timer', pauseTimer(timer, current()))} data-testid="timer-pause">
          {t('timer.pause')}
        </button>
      )}
      {timer.status === 'paused' && (
        <button type="button" onClick={() => writeSession('timer', resumeTimer(timer, current()))} data-testid="timer-resume">
          {t('timer.resume')}
        </button>
      )}
      <button type="button" onClick={() => writeSession('timer', addMinutes(timer, 1, current()))} data-testid="timer-add-minute">
        {t('timer.addMinute')}
      </button>
      {timer.status !== 'idle' && (
        <button type="button" onClick={() => writeSession('timer', resetTimer(timer))} data-testid="timer-reset">
          {t('timer.reset')}
        </button>
      )}
      {error && (
        <span role="alert" className="tavolo-facilitation-error">
          {error}
        </span>
      )}
    </span>
  )
}
