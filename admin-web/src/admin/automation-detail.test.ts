import { describe, expect, it } from 'vitest';
import { detailText } from './pages/AutomationsPage';

describe("an automation run's record in words", () => {
  it('says what each action did, or why it failed', () => {
    expect(
      detailText({
        actions: [
          { kind: 'AWARD_POINTS', points: 25 },
          { kind: 'ISSUE_COUPON', couponCode: 'EH0VQ488QPTA' },
          { kind: 'ADD_TAG', tag: 'win-back' },
          { kind: 'SEND_MESSAGE', templateKey: 'custom.birthday', inbox: true, email: true, sms: false },
          { kind: 'SEND_MESSAGE', templateKey: 'custom.win_back', inbox: false, email: false, sms: false, skipped: 'WEEKLY_CAP_REACHED' },
        ],
      }),
    ).toBe('25 points; coupon EH0VQ488QPTA; tag +win-back; message custom.birthday by inbox, email; message custom.win_back not sent (weekly cap reached)');
    expect(detailText({ error: 'member not found' })).toBe('Failed: member not found');
    expect(detailText({})).toBe('–');
  });
});
