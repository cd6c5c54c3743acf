import fc from 'fast-check';
import { AnswersNotValid, scoreAssessment } from './score-assessment';
import { changeBetween } from './assessment-change';

describe('Scoring instruments', () => {
  describe('PHQ-9', () => {
    it.each([
      [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
      [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal'],
      [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
      [[2, 2, 2, 2, 1, 0, 0, 0, 0], 9, 'mild'],
      [[2, 2, 2, 2, 2, 0, 0, 0, 0], 10, 'moderate'],
      [[3, 3, 3, 3, 2, 1, 0, 0, 0], 15, 'moderately-severe'],
      [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
      [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
    ])('scores %j as %i (%s)', (items, total, band) => {
      expect(scoreAssessment('PHQ-9', items)).toMatchObject({ total, band, instrumentVersion: 'phq-9@2001' });
    });

    it('refuses eight answers', () =>
      expect(() => scoreAssessment('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0])).toThrow(AnswersNotValid));

    it('refuses an answer of 4, naming the question', () =>
      expect(() => scoreAssessment('PHQ-9', [0, 0, 4, 0, 0, 0, 0, 0, 0])).toThrow(/question 3 takes a whole number from 0 to 3/));

    it('refuses a fractional answer', () =>
      expect(() => scoreAssessment('PHQ-9', [0, 0, 1.5, 0, 0, 0, 0, 0, 0])).toThrow(AnswersNotValid));
  });

  describe('GAD-7', () => {
    it.each([
      [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
      [[1, 1, 1, 1, 1, 0, 0], 5, 'mild'],
      [[2, 2, 2, 2, 2, 0, 0], 10, 'moderate'],
      [[3, 3, 3, 3, 3, 0, 0], 15, 'severe'],
      [[3, 3, 3, 3, 3, 3, 3], 21, 'severe'],
    ])('scores %j as %i (%s)', (items, total, band) => {
      expect(scoreAssessment('GAD-7', items)).toMatchObject({ total, band });
    });
  });

  describe('BARC-10', () => {
    it('puts 47 above the remission marker and 46 below it', () => {
      expect(scoreAssessment('BARC-10', [5, 5, 5, 5, 5, 5, 5, 4, 4, 4])).toMatchObject({ total: 47, band: 'above-remission-marker' });
      expect(scoreAssessment('BARC-10', [5, 5, 5, 5, 5, 5, 4, 4, 4, 4])).toMatchObject({ total: 46, band: 'below-remission-marker' });
    });

    it('refuses 0, which is not an answer on its 1–6 scale', () =>
      expect(() => scoreAssessment('BARC-10', [0, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(/question 1 takes a whole number from 1 to 6/));
  });

  it('always totals the items and lands in a band, for any valid answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), (items) => {
        const score = scoreAssessment('PHQ-9', items);
        expect(score.total).toBe(items.reduce((a, b) => a + b, 0));
        expect(score.total >= 20).toBe(score.band === 'severe');
      }),
    );
  });

  describe('change between assessments', () => {
    it('is absent, not zero, with a single assessment', () => expect(changeBetween('PHQ-9', [12])).toBeNull());

    it('counts PHQ-9 moving from moderate to mild as improved', () =>
      expect(changeBetween('PHQ-9', [12, 14, 8])).toEqual({ intake: 12, latest: 8, difference: -4, improved: true }));

    it('does not count a drop within the same band', () =>
      expect(changeBetween('GAD-7', [14, 10])?.improved).toBe(false));

    it('counts a BARC-10 gain of 5 points, not of 4', () => {
      expect(changeBetween('BARC-10', [30, 35])?.improved).toBe(true);
      expect(changeBetween('BARC-10', [30, 34])?.improved).toBe(false);
    });
  });
});
