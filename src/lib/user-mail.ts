// A mail to a user about their own account: the greeting, what happened or what to do, and the
// page to go to (the installation's base URL with or without a trailing slash).
export interface UserMail {
  to: string;
  subject: string;
  text: string;
}

export function userMail(input: {
  to: string;
  userName: string;
  subject: string;
  body: readonly string[];
  baseUrl: string;
  path: `/${string}`;
}): UserMail {
  return {
    to: input.to,
    subject: input.subject,
    text: [`Hej ${input.userName},`, "", ...input.body, "", `${input.baseUrl.replace(/\/$/, "")}${input.path}`].join(
      "\n",
    ),
  };
}
