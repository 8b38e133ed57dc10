/** An error shaped like OfficeExtension.Error: `code` is one of Excel.ErrorCodes' values. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidRequestContext"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ApiNotFound"
  | "GeneralException";

export class FakeExcelError extends Error {
  override name = "RichApi.Error";
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function propertyNotLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
