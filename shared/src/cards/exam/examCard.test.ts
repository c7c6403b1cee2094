import { describe, expect, it } from 'vitest'
import { isValidShape } from '../../../../tests/support/shapeRecords'
import { describeCard } from '../cardFields'
import { WEIGHT_MESSAGE } from '../numberFields'
import { EXAM_CARD, EXAM_CARD_TYPE, EXAM_FORMS, EXAM_FORM_LABELS, EXAM_TIMINGS, EXAM_TIMING_LABELS, defaultExamCardProps, examCardProps } from './examCard'

const valid = (props: Record<string, unknown>) => isValidShape(EXAM_CARD_TYPE, { ...defaultExamCardProps(), ...props })

describe('exam card', () => {
  it('accepts the defaults, every timing and form, and whole weights from 0 to 100', () => {
    expect(valid({})).toBe(true)
    for (const timing of EXAM_TIMINGS) expect(valid({ timing })).toBe(true)
    for (const form of EXAM_FORMS) expect(valid({ form })).toBe(true)
    for (const weight of [0, 1, 50, 100]) expect(valid({ weight })).toBe(true)
  })

  it('rejects other timings, forms and weights, saying why for the weight', () => {
    expect(valid({ timing: 'midterm' })).toBe(false)
    expect(valid({ form: 'quiz' })).toBe(false)
    for (const weight of [-1, 100.5, 101, 12.5, '30']) expect(valid({ weight })).toBe(false)
    expect(() => examCardProps.weight.validate(101)).toThrow(WEIGHT_MESSAGE)
  })

  it('names every timing and form', () => {
    expect(Object.keys(EXAM_TIMING_LABELS)).toEqual([...EXAM_TIMINGS])
    expect(Object.keys(EXAM_FORM_LABELS)).toEqual([...EXAM_FORMS])
  })

  it('is described to screen readers by its filled fields', () => {
    expect(describeCard(EXAM_CARD, { ...defaultExamCardProps(), weight: 30, timing: 'ongoing' })).toBe(
      'Form: Written, When: Ongoing (during the course), Weight (%): 30 %',
    )
  })
})
