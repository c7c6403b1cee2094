export function LicenseBlockedMessage() {
  return (
    <div className="screen-message" role="alert" data-testid="license-blocked">
      <h2>The board cannot be shown on this address</h2>
      <p>
        Tavolo draws with tldraw, which needs a licence key when it is served over HTTPS on a public domain.
        No valid key is configured on this server, so tldraw stopped rendering the board.
      </p>
      <p>
        Whoever runs this Tavolo server can set <code>TLDRAW_LICENSE_KEY</code> and restart it (no rebuild
        needed), or serve Tavolo over plain HTTP on the local network, where no key is needed.
      </p>
    </div>
  )
}
