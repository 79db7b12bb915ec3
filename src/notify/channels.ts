/**
 * Outgoing channels beyond the in-app inbox. A channel only sends; what to send and to whom is
 * decided when the notification is written (the outbox row), so a slow mail server never holds a
 * database transaction open and a failed send is retried by the notifications job.
 */
export interface OutgoingMessage {
  notificationId: number | null;
  kind: string;
  title: string;
  body: string;
  problemCode: string | null;
  createdAt: string;
  /** userId is null for people who are not users (applicants at the hall). */
  recipient: {
    userId: number | null;
    username: string;
    displayName: string;
    email: string | null;
    phone: string | null;
  };
}

export interface Channel {
  readonly name: 'email' | 'webhook';
  /** Where this channel would send a message for the recipient, or null when it cannot reach them. */
  address(recipient: OutgoingMessage['recipient']): string | null;
  send(address: string, message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}
