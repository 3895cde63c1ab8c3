// SPDX-License-Identifier: EUPL-1.2
// The registry pages' error summary: a service refusal shown by its title alone is never swallowed (the queue and
// the change page pass the refusal's message as the title, with an empty message).
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './registry-ui.tsx';

describe('ErrorSummary', () => {
  it('shows a refusal given only as a title', () => {
    const html = String(ErrorSummary({ title: 'この異動は既に本登録されています', message: '' }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('この異動は既に本登録されています');
  });

  it('shows nothing when there is nothing to say', () => {
    expect(ErrorSummary({})).toBeNull();
    expect(ErrorSummary({ message: '', errors: {} })).toBeNull();
  });
});
