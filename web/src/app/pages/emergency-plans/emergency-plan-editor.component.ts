import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  type FormArray,
  FormBuilder,
  type FormControl,
  type FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { TranslatePipe } from '@ngx-translate/core';

import {
  type CircuitSummaryDto,
  type EmergencyPlanBodyDto,
  type EmergencyPlanDto,
  EmergencyPlansPageActions,
  type Failure,
  emergencyPlansFeature,
} from '@circuitcare/client';

import { IconComponent, type IconName } from '../../ui/icon.component';
import { StatusBadgeComponent } from '../../ui/status-badge.component';

/** As the API validates a contact's phone (`PlanContactDto`). */
export const PHONE_PATTERN = /^\+?[0-9 -]{5,20}$/;

type ContactForm = FormGroup<{
  level: FormControl<1 | 2 | 3>;
  name: FormControl<string>;
  role: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
}>;
type StepForm = FormGroup<{ action: FormControl<string>; owner: FormControl<string> }>;

interface RowButton {
  /** i18n key, given the row's number `n`. */
  label: string;
  icon: IconName;
  /** The icon turned upside down (the move-up arrow). */
  up?: boolean;
  disabled: boolean;
  run: () => void;
}

interface ContactInput {
  control: 'name' | 'role' | 'phone' | 'email';
  label: string;
  type: 'text' | 'tel' | 'email';
  maxlength?: number;
  autocomplete?: string;
  /** The validation error shown under the input, and its message (i18n key). */
  invalid?: { error: string; message: string };
}

interface PlanLink {
  kind: 'circuit' | 'site';
  id: string;
}

/**
 * A plan's editor (a new plan, or the next version of one): title and trigger, the
 * contact tree (levels 1–3), the ordered steps, and the circuits and sites it is for,
 * picked through the portal's circuit search. The API checks everything again.
 */
@Component({
  selector: 'cc-emergency-plan-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NgTemplateOutlet,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
    StatusBadgeComponent,
  ],
  templateUrl: './emergency-plan-editor.component.html',
  styleUrl: './emergency-plan-editor.component.scss',
})
export class EmergencyPlanEditorComponent {
  /** The plan changed (its newest version), or null for a new one. */
  readonly plan = input<EmergencyPlanDto | null>(null);
  readonly saving = input(false);
  readonly error = input<Failure | null>(null);
  readonly save = output<EmergencyPlanBodyDto>();
  readonly cancelled = output<void>();

  private readonly fb = inject(FormBuilder);
  private readonly store = inject(Store);
  protected readonly search = this.store.selectSignal(emergencyPlansFeature.selectCircuits);
  protected readonly query = signal('');
  protected readonly levels = [1, 2, 3] as const;
  /** A contact row's text inputs after its level, with the error each may show. */
  protected readonly contactInputs: readonly ContactInput[] = [
    { control: 'name', label: 'plans.contactName', type: 'text', maxlength: 100 },
    { control: 'role', label: 'plans.contactRole', type: 'text', maxlength: 100 },
    {
      control: 'phone',
      label: 'plans.contactPhone',
      type: 'tel',
      autocomplete: 'off',
      invalid: { error: 'pattern', message: 'plans.badPhone' },
    },
    {
      control: 'email',
      label: 'plans.contactEmail',
      type: 'email',
      autocomplete: 'off',
      invalid: { error: 'email', message: 'plans.badEmail' },
    },
  ];

  protected readonly form = this.fb.nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    scenario: ['', [Validators.maxLength(4000)]],
    contacts: this.fb.array<ContactForm>([]),
    steps: this.fb.array<StepForm>([]),
  });
  protected readonly circuitIds = signal<string[]>([]);
  protected readonly siteIds = signal<string[]>([]);
  /** Names of circuits and sites picked here (a saved plan carries ids only). */
  protected readonly names = signal<Record<string, string>>({});
  protected readonly submitted = signal(false);
  /** What the plan is linked to: its circuits, then its sites. */
  protected readonly links = computed((): PlanLink[] => [
    ...this.circuitIds().map((id) => ({ kind: 'circuit' as const, id })),
    ...this.siteIds().map((id) => ({ kind: 'site' as const, id })),
  ]);
  protected readonly noLinks = computed(
    () => this.circuitIds().length === 0 && this.siteIds().length === 0,
  );

  /** The form is filled again only for another plan or version, not for a re-read copy. */
  private readonly planKey = computed(() => {
    const p = this.plan();
    return p ? `${p.id}@${p.version}` : '';
  });

  constructor() {
    effect(() => {
      this.planKey();
      untracked(() => this.reset(this.plan()));
    });
    this.store.dispatch(EmergencyPlansPageActions.circuitSearched({ q: '' }));
  }

  protected get contacts(): FormArray<ContactForm> {
    return this.form.controls.contacts;
  }

  protected get steps(): FormArray<StepForm> {
    return this.form.controls.steps;
  }

  private contact(c?: EmergencyPlanDto['contacts'][number]): ContactForm {
    return this.fb.nonNullable.group({
      level: this.fb.nonNullable.control<1 | 2 | 3>(c?.level ?? 1),
      name: [c?.name ?? '', [Validators.required, Validators.maxLength(100)]],
      role: [c?.role ?? '', [Validators.required, Validators.maxLength(100)]],
      phone: [c?.phone ?? '', [Validators.pattern(PHONE_PATTERN)]],
      email: [c?.email ?? '', [Validators.email]],
    });
  }

  private step(s?: EmergencyPlanDto['steps'][number]): StepForm {
    return this.fb.nonNullable.group({
      action: [s?.action ?? '', [Validators.required, Validators.maxLength(1000)]],
      owner: [s?.owner ?? '', [Validators.required, Validators.maxLength(100)]],
    });
  }

  private reset(p: EmergencyPlanDto | null): void {
    this.form.reset({ title: p?.title ?? '', scenario: p?.scenario ?? '' });
    this.contacts.clear();
    this.steps.clear();
    for (const c of p?.contacts.length ? p.contacts : [undefined])
      this.contacts.push(this.contact(c));
    for (const s of p?.steps.length ? p.steps : [undefined]) this.steps.push(this.step(s));
    this.circuitIds.set([...(p?.circuitIds ?? [])]);
    this.siteIds.set([...(p?.siteIds ?? [])]);
    this.submitted.set(false);
  }

  protected addContact(): void {
    const last = this.contacts.at(this.contacts.length - 1)?.controls.level.value ?? 1;
    const added = this.contact();
    added.controls.level.setValue(last);
    this.contacts.push(added);
  }

  protected removeContact(i: number): void {
    if (this.contacts.length > 1) this.contacts.removeAt(i);
  }

  protected addStep(): void {
    this.steps.push(this.step());
  }

  protected removeStep(i: number): void {
    if (this.steps.length > 1) this.steps.removeAt(i);
  }

  protected moveStep(i: number, by: -1 | 1): void {
    const j = i + by;
    if (j < 0 || j >= this.steps.length) return;
    const moved = this.steps.at(i);
    this.steps.removeAt(i);
    this.steps.insert(j, moved);
  }

  /** The buttons of contact row `i`. */
  protected contactButtons(i: number): RowButton[] {
    return [
      {
        label: 'plans.removeContact',
        icon: 'remove',
        disabled: this.contacts.length === 1,
        run: () => this.removeContact(i),
      },
    ];
  }

  /** The buttons of step row `i`: move it up or down, remove it. */
  protected stepButtons(i: number): RowButton[] {
    return [
      {
        label: 'plans.moveUp',
        icon: 'expand-more',
        up: true,
        disabled: i === 0,
        run: () => this.moveStep(i, -1),
      },
      {
        label: 'plans.moveDown',
        icon: 'expand-more',
        disabled: i === this.steps.length - 1,
        run: () => this.moveStep(i, 1),
      },
      {
        label: 'plans.removeStep',
        icon: 'remove',
        disabled: this.steps.length === 1,
        run: () => this.removeStep(i),
      },
    ];
  }

  /** A circuit's two end sites, each a site the plan may be linked to. */
  protected ends(c: CircuitSummaryDto) {
    return [
      { key: 'a', site: c.aEnd },
      { key: 'z', site: c.zEnd },
    ] as const;
  }

  protected unlink(l: PlanLink): void {
    if (l.kind === 'circuit') this.removeCircuit(l.id);
    else this.removeSite(l.id);
  }

  protected searched(q: string): void {
    this.query.set(q);
    this.store.dispatch(EmergencyPlansPageActions.circuitSearched({ q }));
  }

  protected addCircuit(c: CircuitSummaryDto): void {
    this.names.update((n) => ({ ...n, [c.id]: c.name }));
    if (!this.circuitIds().includes(c.id)) this.circuitIds.update((ids) => [...ids, c.id]);
  }

  protected addSite(siteId: string, siteName: string | null): void {
    this.names.update((n) => ({ ...n, [siteId]: siteName ?? siteId }));
    if (!this.siteIds().includes(siteId)) this.siteIds.update((ids) => [...ids, siteId]);
  }

  protected removeCircuit(id: string): void {
    this.circuitIds.update((ids) => ids.filter((c) => c !== id));
  }

  protected removeSite(id: string): void {
    this.siteIds.update((ids) => ids.filter((s) => s !== id));
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.save.emit({
      title: v.title.trim(),
      scenario: v.scenario.trim(),
      circuitIds: this.circuitIds(),
      siteIds: this.siteIds(),
      contacts: v.contacts.map((c) => ({
        level: Number(c.level) as 1 | 2 | 3,
        name: c.name.trim(),
        role: c.role.trim(),
        phone: c.phone.trim() || null,
        email: c.email.trim() || null,
      })),
      steps: v.steps.map((s, i) => ({
        order: i + 1,
        action: s.action.trim(),
        owner: s.owner.trim(),
      })),
    });
  }
}
