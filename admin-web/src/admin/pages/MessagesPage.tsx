import { useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleMessagesPreviewQuery, ConsoleMessagesQuery } from '../../gql/graphql';
import { Field, errorsByField, FormProblems, Notice, requestProblem, TextField, type FieldErrors } from '../../shared/forms';
import { formatDateTime } from '../../shared/format';
import '../programme/programme.css';

const TemplatesQuery = graphql(`
  query ConsoleMessages {
    loyaltyMessageTemplates {
      key
      channel
      subject
      body
      html
      placeholders
      updatedAt
    }
  }
`);

const PreviewQuery = graphql(`
  query ConsoleMessagesPreview($input: PreviewLoyaltyMessageTemplateInput!) {
    previewLoyaltyMessageTemplate(input: $input) {
      subject
      body
      html
      values
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SaveTemplate = graphql(`
  mutation ConsoleMessagesSave($input: SaveLoyaltyMessageTemplateInput!) {
    saveLoyaltyMessageTemplate(input: $input) {
      template {
        key
        channel
        updatedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Template = ConsoleMessagesQuery['loyaltyMessageTemplates'][number];
type Preview = ConsoleMessagesPreviewQuery['previewLoyaltyMessageTemplate'];

const CHANNEL: Record<string, string> = { EMAIL: 'E-mail', SMS: 'SMS', INBOX: 'Inbox' };
const LIMITS: Record<string, number> = { EMAIL: 10_000, INBOX: 2_000, SMS: 480 };
const title = (t: Pick<Template, 'key' | 'channel'>) => `${t.key.replace(/_/g, ' ')} (${CHANNEL[t.channel] ?? t.channel})`;

function TextArea({ label, value, onChange, error, hint, rows = 6 }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; rows?: number }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => <textarea id={id} rows={rows} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function localProblems(t: Template, subject: string, body: string, html: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!subject.trim()) errors.subject = 'A subject is required.';
  else if (subject.length > 200 || /[\r\n]/.test(subject)) errors.subject = 'The subject must be one line of at most 200 characters.';
  if (!body.trim()) errors.body = 'The text is required.';
  else if (body.length > (LIMITS[t.channel] ?? 10_000)) errors.body = `At most ${LIMITS[t.channel]} characters for ${CHANNEL[t.channel]}.`;
  if (html.length > 50_000) errors.html = 'The HTML version must be at most 50,000 characters.';
  return errors;
}

function TemplateEditor({ template, onSaved }: { template: Template; onSaved: (message: string) => void }) {
  const client = useClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [html, setHtml] = useState(template.html ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [save, runSave] = useMutation(SaveTemplate);
  const email = template.channel === 'EMAIL';
  const base = { key: template.key, channel: template.channel, subject, body, html: email && html.trim() ? html : null };

  const runPreview = async () => {
    const found = localProblems(template, subject, body, html);
    setErrors(found);
    setPreview(null);
    if (Object.keys(found).length) return;
    setPreviewing(true);
    const res = await client.query(PreviewQuery, { input: { ...base, values } }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    setProblem(requestProblem(res.error));
    const p = res.data?.previewLoyaltyMessageTemplate;
    if (!p) return;
    if (p.userErrors.length) setErrors(errorsByField(p.userErrors));
    else setPreview(p);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = localProblems(template, subject, body, html);
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await runSave({ input: base });
    const payload = res.data?.saveLoyaltyMessageTemplate;
    if (!payload) return;
    if (payload.userErrors.length) setErrors(errorsByField(payload.userErrors));
    else onSaved(`${title(template)} saved. Messages written from now on use it; queued ones keep their text.`);
  };

  const edited = () => setPreview(null);
  return (
    <form className="panel stack" aria-label={`Edit ${title(template)}`} onSubmit={submit} noValidate>
      <h2>{title(template)}</h2>
      <div className="placeholders">
        <span className="muted">Placeholders it may use: </span>
        {template.placeholders.length ? template.placeholders.map((p) => <code key={p}>{`{{${p}}}`}</code>) : <span className="muted">none</span>}
      </div>
      <TextField label={email ? 'Subject' : template.channel === 'INBOX' ? 'Title' : 'Subject (only logged)'} value={subject} error={errors.subject} onChange={(e) => { setSubject(e.target.value); edited(); }} />
      <TextArea label="Text" value={body} error={errors.body} hint={`Plain text, at most ${LIMITS[template.channel]} characters (now ${body.length}).`} onChange={(v) => { setBody(v); edited(); }} />
      {email && <TextArea label="HTML version (optional)" value={html} error={errors.html} hint="Sent with the text; values are HTML-escaped." onChange={(v) => { setHtml(v); edited(); }} />}
      {template.placeholders.length > 0 && (
        <fieldset className="stack">
          <legend>Sample values for the preview</legend>
          <p className="muted">Leave empty to use the service's samples.</p>
          <div className="editor-grid">
            {template.placeholders.map((p) => (
              <TextField key={p} label={p} value={values[p] ?? ''} placeholder={preview?.values[p] as string | undefined} onChange={(e) => { setValues({ ...values, [p]: e.target.value }); edited(); }} />
            ))}
          </div>
        </fieldset>
      )}
      <FormProblems errors={errors} shown={['subject', 'body', 'html']} problem={problem ?? requestProblem(save.error)} />
      <div className="row">
        <button type="button" onClick={runPreview} disabled={previewing || save.fetching}>
          {previewing ? 'Rendering…' : 'Preview'}
        </button>
        <button type="submit" className="primary" disabled={save.fetching || previewing}>
          {save.fetching ? 'Saving…' : 'Save template'}
        </button>
      </div>
      {preview && (
        <section className="stack" aria-label="Preview">
          <h3>Preview</h3>
          <dl className="facts">
            <dt>{template.channel === 'INBOX' ? 'Title' : 'Subject'}</dt>
            <dd data-testid="preview-subject">{preview.subject}</dd>
          </dl>
          <pre className="preview-box" data-testid="preview-body">{preview.body}</pre>
          {preview.html && (
            <>
              <h3>HTML version (source, as sent)</h3>
              <pre className="preview-box" data-testid="preview-html">{preview.html}</pre>
            </>
          )}
        </section>
      )}
    </form>
  );
}

/** Message templates (#/messages): the texts the service sends, with their placeholders and a preview. */
export function MessagesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: TemplatesQuery });
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const templates = data?.loyaltyMessageTemplates ?? [];
  const id = (t: Template) => `${t.key}/${t.channel}`;
  const current = templates.find((t) => id(t) === selected) ?? null;

  return (
    <div>
      <h1>Message templates</h1>
      <p className="muted">Reminders and automation messages are written from these texts; placeholders such as {'{{firstName}}'} are filled in for each member.</p>
      {message && <Notice kind="success">{message}</Notice>}
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      <div className="grid-2">
        <section className="panel" aria-label="Templates">
          {fetching && !data ? (
            <p className="muted">Loading templates…</p>
          ) : templates.length === 0 ? (
            <p className="muted">There are no templates.</p>
          ) : (
            <table>
              <caption className="sr-only">Templates by key and channel</caption>
              <thead>
                <tr>
                  <th scope="col">Template</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {templates.map((t) => (
                  <tr key={id(t)} className={id(t) === selected ? 'selected' : undefined}>
                    <td>
                      <button type="button" className="link" aria-pressed={id(t) === selected} onClick={() => { setSelected(id(t)); setMessage(null); }} aria-label={`Edit ${title(t)}`}>
                        {t.key}
                      </button>
                    </td>
                    <td>{CHANNEL[t.channel] ?? t.channel}</td>
                    <td>{formatDateTime(t.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div>
          {current ? (
            <TemplateEditor
              key={`${id(current)}@${current.updatedAt}`}
              template={current}
              onSaved={(m) => {
                setMessage(m);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ) : (
            <p className="panel muted">Choose a template to edit and preview it.</p>
          )}
        </div>
      </div>
    </div>
  );
}
