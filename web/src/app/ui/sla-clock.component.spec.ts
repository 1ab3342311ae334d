import { TestBed } from '@angular/core/testing';

import type { SlaCountdown } from '@circuitcare/client';

import { provideTestTranslations } from '../../testing/translations.testing';
import { Preferences } from '../core/preferences.service';
import { SlaClockComponent } from './sla-clock.component';

describe('SlaClockComponent', () => {
  async function render(countdown: Partial<SlaCountdown>, lang: 'zh-CN' | 'en' = 'zh-CN') {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [SlaClockComponent],
      providers: [...provideTestTranslations()],
    });
    // The pipes read the language from Preferences, as a switch in the shell sets it.
    await TestBed.inject(Preferences).setLanguage(lang);
    const fixture = TestBed.createComponent(SlaClockComponent);
    fixture.componentRef.setInput('countdown', {
      kind: 'running',
      dueAt: null,
      minutesLeft: null,
      targetMinutes: 240,
      elapsedMinutes: null,
      ...countdown,
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { text: el.textContent.trim(), classes: el.className };
  }

  it('counts down in words, amber when at risk, red when overdue', async () => {
    expect(await render({ minutesLeft: 125 })).toEqual({
      text: '剩余 2 小时 5 分',
      classes: 'cc-sla cc-sla-ok',
    });
    expect((await render({ minutesLeft: 12 }, 'en')).classes).toBe('cc-sla cc-sla-risk');
    expect(await render({ minutesLeft: -30 }, 'en')).toEqual({
      text: '30 min overdue',
      classes: 'cc-sla cc-sla-late',
    });
  });

  it('says when the clock is paused or stopped', async () => {
    expect((await render({ kind: 'paused' })).text).toBe('计时暂停');
    expect(await render({ kind: 'missed' }, 'en')).toEqual({
      text: 'Missed',
      classes: 'cc-sla cc-sla-late',
    });
  });
});
