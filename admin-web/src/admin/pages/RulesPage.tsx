import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleRulesQuery } from '../../gql/graphql';
import { CheckboxField, Field, errorsByField, FormProblems, Notice, requestProblem, SelectField, TextField, type FieldErrors } from '../../shared/forms';
import { parseWhole, wholeProblem } from '../programme/numbers';
import '../programme/programme.css';

const RulesQuery = graphql(`
  query ConsoleRules {
    loyaltyEarningRules {
      id
      kind
      name
      args
      active
      position
    }
    loyaltyEarningRuleKinds {
      code
      description
    }
  }
`);

const SaveRule = graphql(`
  mutation ConsoleRulesSave($input: SaveLoyaltyEarningRuleInput!) {
    saveLoyaltyEarningRule(input: $input) {
      rule {
        id
        name
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Rule = ConsoleRulesQuery['loyaltyEarningRules'][number];

const pretty = (args: unknown) => JSON.stringify(args, null, 2);

function RuleEditor({ rule, data, onDone }: { rule: Rule | null; data: ConsoleRulesQuery; onDone: (message: string) => void }) {
  const kinds = data.loyaltyEarningRuleKinds;
  const [kind, setKind] = useState(rule?.kind ?? kinds[0]?.code ?? '');
  const [name, setName] = useState(rule?.name ?? '');
  const [args, setArgs] = useState(rule ? pretty(rule.args) : '{}');
  const [position, setPosition] = useState(String(rule?.position ?? Math.max(0, ...data.loyaltyEarningRules.map((r) => r.position + 1))));
  const [active, setActive] = useState(rule?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, runSave] = useMutation(SaveRule);
  const description = kinds.find((k) => k.code === kind)?.description;
  // the arguments an existing rule of this kind has: the shape to start from (the service checks them)
  const example = data.loyaltyEarningRules.find((r) => r.kind === kind && r.id !== rule?.id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!kind) found.kind = 'Choose a kind of rule.';
    if (!name.trim()) found.name = 'Give the rule a name.';
    const p = wholeProblem('Position', position, { max: 10_000 });
    if (p) found.position = p;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(args);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) found.args = 'The arguments must be a JSON object, e.g. {"pointsPerStep": 1, "stepMinor": 100}.';
    } catch {
      found.args = 'The arguments are not valid JSON.';
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await runSave({ input: { id: rule?.id ?? null, kind, name: name.trim(), args: parsed as Record<string, unknown>, active, position: parseWhole(position)! } });
    const payload = res.data?.saveLoyaltyEarningRule;
    if (!payload) return;
    if (payload.userErrors.length) setErrors(errorsByField(payload.userErrors));
    else onDone(`${payload.rule?.name} saved.`);
  };

  return (
    <form className="panel stack" aria-label={rule ? `Edit ${rule.name}` : 'New earning rule'} onSubmit={submit} noValidate>
      <h2>{rule ? `Edit ${rule.name}` : 'New earning rule'}</h2>
      <div className="editor-grid">
        <SelectField label="Kind" value={kind} error={errors.kind} hint={description} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.code}
            </option>
          ))}
        </SelectField>
        <TextField label="Name" value={name} error={errors.name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <TextField label="Position" hint="Evaluation order, from 0; on equal points the earlier rule wins." inputMode="numeric" value={position} error={errors.position} onChange={(e) => setPosition(e.target.value)} />
      </div>
      <Field label="Arguments (JSON)" error={errors.args} hint={example ? `A ${kind} rule in use has: ${JSON.stringify(example.args)}` : 'Amounts in minor units, percentages as whole numbers (200 = double), ids as lists of strings.'}>
        {({ id, describedBy, invalid }) => <textarea id={id} rows={5} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={args} onChange={(e) => setArgs(e.target.value)} />}
      </Field>
      {example && (
        <div>
          <button type="button" onClick={() => setArgs(pretty(example.args))}>
            Start from the arguments in use
          </button>
        </div>
      )}
      <CheckboxField label="Active" checked={active} onChange={(e) => setActive(e.target.checked)} />
      <FormProblems errors={errors} shown={['kind', 'name', 'position', 'args']} problem={requestProblem(save.error)} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.fetching}>
          {save.fetching ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" onClick={() => onDone('')} disabled={save.fetching}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Earning rules (#/rules): the rules sales earn by, in evaluation order; add and edit. */
export function RulesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RulesQuery });
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rules = data?.loyaltyEarningRules ?? [];
  const kindText = (code: string) => data?.loyaltyEarningRuleKinds.find((k) => k.code === code)?.description ?? '';

  return (
    <div>
      <div className="toolbar">
        <h1>Earning rules</h1>
        <button type="button" className="primary" disabled={!data || editing !== null} onClick={() => { setEditing('new'); setMessage(null); }}>
          New rule
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      {editing && data && (
        <RuleEditor
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          data={data}
          onDone={(m) => {
            setEditing(null);
            if (m) {
              setMessage(m);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
      <section className="panel" aria-label="Rules">
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        {fetching && !data ? (
          <p className="muted">Loading rules…</p>
        ) : rules.length === 0 ? (
          <p className="muted">No earning rules: sales earn nothing until a SPEND rule is added.</p>
        ) : (
          <table>
            <caption className="sr-only">Earning rules, active first, in evaluation order</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Position</th>
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col">Arguments</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.position}</td>
                  <td>
                    <strong>{r.name}</strong>
                  </td>
                  <td>
                    {r.kind}
                    <div className="muted">{kindText(r.kind)}</div>
                  </td>
                  <td>
                    <code>{JSON.stringify(r.args)}</code>
                  </td>
                  <td>{r.active ? <span className="badge ok">Active</span> : <span className="badge">Inactive</span>}</td>
                  <td>
                    <button type="button" className="link" aria-label={`Edit ${r.name}`} disabled={editing !== null} onClick={() => { setEditing(r); setMessage(null); }}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
