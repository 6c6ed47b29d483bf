// Passkeys on the staff pages: creating one (/staff/second-factor/passkeys/new) and using
// one at the second step of signing in (/staff/second-step). Spring Security's WebAuthn
// endpoints do the work on the server; this script only carries the browser's side.
// Pages that use it work without it too: they offer an authenticator app instead.

function toBase64Url(buffer) {
  let text = ''
  for (const byte of new Uint8Array(buffer)) {
    text += String.fromCharCode(byte)
  }
  return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (character) => character.charCodeAt(0)).buffer
}

async function postJson(url, form, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [form.dataset.csrfHeader]: form.dataset.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`)
  }
  return response.json()
}

function showProblem(form, message) {
  const problem = form.querySelector('[data-passkey-problem]')
  problem.textContent = message
  problem.hidden = false
  problem.focus()
}

async function createPasskey(form) {
  const label = form.querySelector('input[name=label]').value.trim()
  if (!label) {
    showProblem(form, form.dataset.noLabel)
    return
  }
  const options = await postJson('/webauthn/register/options', form)
  const created = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      user: { ...options.user, id: fromBase64Url(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((known) => ({ ...known, id: fromBase64Url(known.id) }))
    }
  })
  const result = await postJson('/webauthn/register', form, {
    publicKey: {
      label,
      credential: {
        id: created.id,
        rawId: toBase64Url(created.rawId),
        type: created.type,
        response: {
          attestationObject: toBase64Url(created.response.attestationObject),
          clientDataJSON: toBase64Url(created.response.clientDataJSON),
          transports: created.response.getTransports ? created.response.getTransports() : []
        },
        clientExtensionResults: created.getClientExtensionResults(),
        authenticatorAttachment: created.authenticatorAttachment
      }
    }
  })
  if (!result.success) {
    throw new Error('The passkey was not saved')
  }
  window.location.assign(form.dataset.done)
}

async function usePasskey(form) {
  const options = await postJson('/webauthn/authenticate/options', form)
  const used = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((known) => ({ ...known, id: fromBase64Url(known.id) }))
    }
  })
  const result = await postJson('/login/webauthn', form, {
    id: used.id,
    rawId: toBase64Url(used.rawId),
    type: used.type,
    response: {
      authenticatorData: toBase64Url(used.response.authenticatorData),
      clientDataJSON: toBase64Url(used.response.clientDataJSON),
      signature: toBase64Url(used.response.signature),
      userHandle: used.response.userHandle ? toBase64Url(used.response.userHandle) : undefined
    },
    clientExtensionResults: used.getClientExtensionResults(),
    authenticatorAttachment: used.authenticatorAttachment
  })
  if (!result.authenticated) {
    throw new Error('The passkey was not accepted')
  }
  // Back to the staff page first asked for; Spring Security names the site's home page
  // when there was none.
  const target = new URL(result.redirectUrl, window.location.href)
  window.location.assign(target.pathname.startsWith('/staff') ? target.href : form.dataset.fallback)
}

for (const form of document.querySelectorAll('form[data-passkey]')) {
  if (!window.PublicKeyCredential) {
    continue
  }
  form.hidden = false
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector('button')
    button.disabled = true
    try {
      await (form.dataset.passkey === 'create' ? createPasskey(form) : usePasskey(form))
    } catch (error) {
      console.error(error)
      showProblem(form, form.dataset.failed)
    } finally {
      button.disabled = false
    }
  })
}
