namespace Keel.ApiServer.Schema.Model;

/// <summary>One entry of <c>x-kubernetes-validations</c> as written in the CRD.</summary>
internal sealed record ValidationRuleSpec(
    string Rule,
    string Message,
    string MessageExpression,
    string? Reason,
    string FieldPath,
    bool? OptionalOldSelf)
{
    /// <summary>Go's <c>%#v</c> of <c>apiextensions.ValidationRule</c>, the bad value the real server prints for rule errors.</summary>
    public string GoSyntax()
    {
        var reason = Reason is null ? "(*apiextensions.FieldValueErrorReason)(nil)" : $"(*apiextensions.FieldValueErrorReason)({Errors.GoFormatting.Quote(Reason)})";
        var optional = OptionalOldSelf is null ? "(*bool)(nil)" : $"(*bool)({(OptionalOldSelf.Value ? "true" : "false")})";
        return "apiextensions.ValidationRule{Rule:" + Errors.GoFormatting.Quote(Rule)
            + ", Message:" + Errors.GoFormatting.Quote(Message)
            + ", MessageExpression:" + Errors.GoFormatting.Quote(MessageExpression)
            + ", Reason:" + reason
            + ", FieldPath:" + Errors.GoFormatting.Quote(FieldPath)
            + ", OptionalOldSelf:" + optional + "}";
    }
}
