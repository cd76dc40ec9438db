// A token must never be printed, in whatever form a server or a tool echoes it back: as is,
// URL-encoded, or inside base64 (HTTP Basic credentials "user:token", at any alignment).

/** The text with every form of `secret` replaced by "***" (short secrets are left alone). */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 8) return text;
  let out = text;
  for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join('***');
  return out;
}

function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const bytes = Buffer.from(secret, 'utf8');
  // Base64 of the secret after 0, 1 or 2 other bytes: only the characters made of the secret's
  // own bits are the same wherever it sits in the encoded text.
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const core = encoded.slice(
      Math.ceil((8 * shift) / 6),
      Math.floor((8 * (shift + bytes.length)) / 6),
    );
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
