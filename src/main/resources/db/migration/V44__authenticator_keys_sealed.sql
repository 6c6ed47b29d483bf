-- An authenticator app's key may now be stored sealed with a key from the environment
-- (security.AuthenticatorKeySeal): "sealed:" and the base64 of its AES-GCM text, longer than the
-- key in clear. Keys stored in clear stay readable and are sealed at the next start with a key set.
alter table staff_authenticator_app drop constraint staff_authenticator_app_secret_check;
alter table staff_authenticator_app add constraint staff_authenticator_app_secret_check
    check (length(secret) between 16 and 256);
comment on column staff_authenticator_app.secret is
    'The app''s base32 key in clear, or "sealed:" and its AES-GCM text when YOURAREA_SECURITY_TOTP_SECRET is set';
