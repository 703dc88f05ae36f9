'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';

/**
 * The form's data without the empty, nameless part a file input with no file chosen adds.
 * Posted natively the server reads that part as "no file"; sent by React it arrives as an empty
 * file named "undefined" (the multipart parser gives no name for `filename=""`), which the upload
 * check would refuse as an empty file.
 */
function withoutEmptyFileParts(data: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of data.entries()) {
    if (typeof value !== 'string' && value.size === 0 && value.name === '') continue;
    out.append(key, value);
  }
  return out;
}

/**
 * A native <form action={serverAction}> (works without JavaScript: the server answers with the
 * state, the values as sent and every field's error) enhanced by react-hook-form with the same
 * zod schema the action parses: with JavaScript, invalid fields are shown before anything is sent.
 */
export function useEnhancedForm<TIn extends FieldValues, TOut extends FieldValues>(
  schema: z.ZodType<TOut, TIn>,
  action: (prev: FormState, formData: FormData) => Promise<FormState>,
  defaults: Record<string, string>,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = { ...defaults, ...state?.values };
  const form = useForm<TIn, unknown, TOut>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: values as never,
    mode: 'onTouched',
  });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    for (const [field, message] of Object.entries(state?.fieldErrors ?? {})) {
      if (message) form.setError(field as Path<TIn>, { message });
    }
  }, [state, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      startTransition(() => formAction(withoutEmptyFileParts(new FormData(element, submitter))));
    })(event);
  };

  /** A field's error: the browser's check, else the server's (also without JavaScript). */
  const errorOf = (field: string): string | undefined =>
    (form.formState.errors as Record<string, { message?: string } | undefined>)[field]?.message ?? state?.fieldErrors?.[field];

  /**
   * A text field or select, registered, with its value also in the HTML (react-hook-form sets
   * values only in the browser: without JavaScript the server's render must carry them).
   */
  const field = (name: string) => ({ ...form.register(name as Path<TIn>), defaultValue: values[name] ?? '' });
  /** A radio button or checkbox of `name` with this value, checked in the HTML when it was chosen. */
  const choice = (name: string, value: string) => ({ ...form.register(name as Path<TIn>), value, defaultChecked: values[name] === value });

  return { form, state, formAction, pending, onSubmit, errorOf, hydrated, field, choice };
}
