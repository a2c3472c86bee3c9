// Passkeys on the account page (add one) and the login's second step (give one). The server
// sends WebAuthn options as JSON with base64url binary fields; the browser's answer goes back
// the same way, in a hidden field of an ordinary form, so the result is an ordinary page.
'use strict';
(function () {
  function toBytes(b64url) {
    const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(b64 + '==='.slice((b64.length + 3) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }
  function toB64url(buffer) {
    let raw = '';
    new Uint8Array(buffer).forEach((b) => { raw += String.fromCharCode(b); });
    return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function withIds(list) {
    return (list || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) }));
  }
  function creationOptions(json) {
    const o = Object.assign({}, json.publicKey);
    o.challenge = toBytes(o.challenge);
    o.user = Object.assign({}, o.user, { id: toBytes(o.user.id) });
    o.excludeCredentials = withIds(o.excludeCredentials);
    return { publicKey: o };
  }
  function requestOptions(json) {
    const o = Object.assign({}, json.publicKey);
    o.challenge = toBytes(o.challenge);
    o.allowCredentials = withIds(o.allowCredentials);
    return { publicKey: o };
  }
  function created(cred) {
    const r = cred.response;
    return {
      id: cred.id,
      rawId: toB64url(cred.rawId),
      type: cred.type,
      response: {
        attestationObject: toB64url(r.attestationObject),
        clientDataJSON: toB64url(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : undefined,
      },
      clientExtensionResults: cred.getClientExtensionResults(),
    };
  }
  function asserted(cred) {
    const r = cred.response;
    return {
      id: cred.id,
      rawId: toB64url(cred.rawId),
      type: cred.type,
      response: {
        authenticatorData: toB64url(r.authenticatorData),
        clientDataJSON: toB64url(r.clientDataJSON),
        signature: toB64url(r.signature),
        userHandle: r.userHandle ? toB64url(r.userHandle) : null,
      },
      clientExtensionResults: cred.getClientExtensionResults(),
    };
  }
  // Asks the server for options (a form POST with the CSRF token); a refusal's message is
  // shown as the server wrote it.
  async function options(url, fields) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error((body.error && body.error.message) || String(res.status));
    return body;
  }
  function show(box, text) {
    box.textContent = text;
    box.hidden = false;
    box.focus();
  }
  function browserMessage(box, e) {
    if (!window.PublicKeyCredential) return box.dataset.unsupported;
    if (e && e.name === 'NotAllowedError') return box.dataset.cancelled;
    if (e && e.name === 'SecurityError') return box.dataset.wrongHost;
    return (e && e.message) || box.dataset.cancelled;
  }

  const add = document.getElementById('passkey-form');
  if (add) {
    const box = document.getElementById('passkey-problem');
    add.hidden = false;
    add.addEventListener('submit', async (event) => {
      const answer = add.querySelector('input[name=credential]');
      if (answer.value) return;
      event.preventDefault();
      const password = add.querySelector('input[name=password]');
      let json;
      try {
        json = await options(add.dataset.options, {
          csrf: add.querySelector('input[name=csrf]').value,
          password: password.value,
        });
      } catch (e) {
        show(box, e.message);
        return;
      }
      try {
        answer.value = JSON.stringify(created(await navigator.credentials.create(creationOptions(json))));
      } catch (e) {
        show(box, browserMessage(box, e));
        return;
      }
      password.value = '';
      add.submit();
    });
  }

  const give = document.getElementById('passkey-login');
  if (give) {
    const box = document.getElementById('passkey-problem');
    const form = document.getElementById('passkey-answer');
    give.hidden = false;
    give.addEventListener('click', async () => {
      let json;
      try {
        json = await options(give.dataset.options, { csrf: form.querySelector('input[name=csrf]').value });
      } catch (e) {
        show(box, e.message);
        return;
      }
      try {
        const cred = await navigator.credentials.get(requestOptions(json));
        form.querySelector('input[name=passkey]').value = JSON.stringify(asserted(cred));
      } catch (e) {
        show(box, browserMessage(box, e));
        return;
      }
      form.submit();
    });
  }
}());
