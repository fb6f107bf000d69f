export {
  verifyWebhook,
  WebhookVerificationError,
  type VerifyWebhookOptions,
  type WebhookRefusal,
  type WebhookRequestHeaders,
} from "./verify-webhook.ts";
export {
  createWebhookSecret,
  signWebhook,
  type SignWebhookOptions,
  type WebhookSignatureHeaders,
} from "./sign-webhook.ts";
