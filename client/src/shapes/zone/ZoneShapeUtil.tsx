import { useTranslation } from 'react-i18next'
import { BaseFrameLikeShapeUtil, Group2d, HTMLContainer, Rectangle2d, Vec, type TLShape } from 'tldraw'
import { defaultZoneProps, ZONE_HEADER_HEIGHT, ZONE_TYPE, zoneMigrations, zoneProps } from '../../../../shared/src/cards'
import { zoneTitle } from '../../../../shared/src/summary/zoneMembership'
import { ZoneLockBadge } from '../../facilitation/LockControl'
import { isHeldForMe } from '../../facilitation/lockEnforcement'
import { i18next } from '../../i18n/i18n'
import { cardTypeName } from '../../i18n/cardText'
import './zone.css'

// A labelled area of a template. Like a frame, the cards dropped in become its children and move
// with it (BaseFrameLikeShapeUtil reparents on drag in and out); unlike a frame, its inside is
// hollow to the pointer, so people drag and brush-select cards in it without grabbing the zone:
// the zone is picked by its title bar or its edge. Participants do not edit a zone's title.

type ZoneShape = TLShape<typeof ZONE_TYPE>


export class ZoneShapeUtil extends BaseFrameLikeShapeUtil<ZoneShape> {
  static override type = ZONE_TYPE
  static override props = zoneProps
  static override migrations = zoneMigrations

  override getDefaultProps() {
    return defaultZoneProps()
  }

  override canReceiveNewChildrenOfType(shape: ZoneShape, type: TLShape['type']): boolean {
    // A zone inside a zone would make "the zone a card is in" ambiguous to people; a zone the
    // facilitator locked takes nothing new from anyone else (the relay would refuse it).
    return type !== ZONE_TYPE && !isHeldForMe(this.editor, shape.id) && super.canReceiveNewChildrenOfType(shape, type)
  }

  override shouldClipChild(child: TLShape): boolean {
    // A card being edited shows its whole form, even past the zone's edge.
    return child.id !== this.editor.getEditingShapeId() && super.shouldClipChild(child)
  }

  override getGeometry(shape: ZoneShape) {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        // A label part: clicking the title bar selects the zone, as with tldraw frames.
        new Rectangle2d({ width: w, height: Math.min(ZONE_HEADER_HEIGHT, h), isFilled: true, isLabel: true }),
      ],
    })
  }

  override getClipPath(shape: ZoneShape): Vec[] {
    const { w, h } = shape.props
    return [new Vec(0, 0), new Vec(w, 0), new Vec(w, h), new Vec(0, h)]
  }

  override getIndicatorPath(shape: ZoneShape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }

  override getText(shape: ZoneShape): string {
    return shape.props.title
  }

  override getAriaDescriptor(shape: ZoneShape): string {
    return `${i18next.t('card.zone', { title: shape.props.title })} ${acceptsText(shape)}`
  }

  override component(shape: ZoneShape) {
    return (
      <HTMLContainer
        className="tavolo-zone"
        style={{ width: shape.props.w, height: shape.props.h }}
        data-testid="zone"
        data-shape-id={shape.id}
      >
        <ZoneHeader shape={shape} />
      </HTMLContainer>
    )
  }
}

function ZoneHeader({ shape }: { shape: ZoneShape }) {
  // Re-rendered when the language changes; acceptsText reads the current one.
  const { t } = useTranslation()
  return (
    <header className="tavolo-zone-header" style={{ height: ZONE_HEADER_HEIGHT }}>
      <span className="tavolo-zone-title">
        {zoneTitle(shape.props.title, t)}
        <ZoneLockBadge shapeId={shape.id} />
      </span>
      <span className="tavolo-zone-accepts">{acceptsText(shape)}</span>
    </header>
  )
}

function acceptsText(shape: ZoneShape): string {
  const { accepts } = shape.props
  const t = i18next.t
  if (accepts.length === 0) return t('card.anyCards')
  return t('card.zoneTakes', { types: accepts.map((type) => cardTypeName(t, type)).join(', ') })
}
