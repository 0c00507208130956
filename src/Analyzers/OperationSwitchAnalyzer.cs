using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VaultPathGen.Analyzers.Model;
using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// A handler that serves several operations often switches over <c>request.Operation</c>; an
    /// operation it serves but does not switch on falls into the default (usually a throw) or
    /// nowhere, so the promise made by [Operation(...)] is broken at run time.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OperationSwitchAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.OperationSwitchIncomplete);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeSwitch, OperationKind.Switch);
            context.RegisterOperationAction(AnalyzeSwitchExpression, OperationKind.SwitchExpression);
        }

        private static void AnalyzeSwitch(OperationAnalysisContext context)
        {
            var operation = (ISwitchOperation)context.Operation;
            if (!IsOperationType(operation.Value.Type) || !(operation.Syntax is SwitchStatementSyntax syntax))
            {
                return;
            }

            var covered = new HashSet<int>();
            var catchAll = false;
            foreach (var section in operation.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case ISingleValueCaseClauseOperation single when single.Value.ConstantValue.Value is int value:
                            covered.Add(value);
                            break;
                        case IPatternCaseClauseOperation pattern when pattern.Guard is null:
                            if (!Collect(pattern.Pattern, covered, out var all))
                            {
                                return;
                            }

                            catchAll |= all && !Throws(section.Body.FirstOrDefault());
                            break;
                        case IPatternCaseClauseOperation _:
                            break;
                        case IDefaultCaseClauseOperation _:
                            catchAll |= !Throws(section.Body.FirstOrDefault());
                            break;
                        default:
                            return;
                    }
                }
            }

            Report(context, covered, catchAll, syntax.SwitchKeyword.GetLocation());
        }

        private static void AnalyzeSwitchExpression(OperationAnalysisContext context)
        {
            var operation = (ISwitchExpressionOperation)context.Operation;
            if (!IsOperationType(operation.Value.Type) || !(operation.Syntax is SwitchExpressionSyntax syntax))
            {
                return;
            }

            var covered = new HashSet<int>();
            var catchAll = false;
            foreach (var arm in operation.Arms)
            {
                if (arm.Guard != null)
                {
                    continue;
                }

                if (!Collect(arm.Pattern, covered, out var all))
                {
                    return;
                }

                catchAll |= all && !Throws(arm.Value);
            }

            Report(context, covered, catchAll, syntax.SwitchKeyword.GetLocation());
        }

        private static void Report(OperationAnalysisContext context, HashSet<int> covered, bool catchAll, Location location)
        {
            if (catchAll || !(Handler(context) is { } handler))
            {
                return;
            }

            var missing = handler.Operations.Select(o => o.Value).Distinct().Where(op => !covered.Contains(op)).OrderBy(op => op).ToList();
            if (missing.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OperationSwitchIncomplete, location,
                    handler.Method.Name, string.Join(", ", missing.Select(OperationNames.Member))));
            }
        }

        /// <summary>The handler the switch is in (lambdas and local functions belong to their method).</summary>
        private static Handler? Handler(OperationAnalysisContext context)
        {
            var symbol = context.ContainingSymbol;
            while (symbol is IMethodSymbol m && (m.MethodKind == MethodKind.LambdaMethod || m.MethodKind == MethodKind.LocalFunction))
            {
                symbol = m.ContainingSymbol;
            }

            if (!(symbol is IMethodSymbol method) || method.ContainingType is null || !BackendModel.IsBackend(method.ContainingType))
            {
                return null;
            }

            return Model.Handler.Read(method, context.CancellationToken);
        }

        /// <summary>
        /// Adds the operations a pattern names; false for a pattern too complex to reason about
        /// (then nothing is reported). <paramref name="all"/> is set for a pattern matching anything.
        /// </summary>
        private static bool Collect(IPatternOperation pattern, HashSet<int> covered, out bool all)
        {
            all = false;
            switch (pattern)
            {
                case IDiscardPatternOperation _:
                    all = true;
                    return true;
                case IDeclarationPatternOperation declaration when declaration.MatchesNull || declaration.MatchedType is null || IsOperationType(declaration.MatchedType):
                    all = true;
                    return true;
                case IConstantPatternOperation constant when constant.Value.ConstantValue.Value is int value:
                    covered.Add(value);
                    return true;
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.Or:
                    var ok = Collect(binary.LeftPattern, covered, out var left) & Collect(binary.RightPattern, covered, out var right);
                    all = left || right;
                    return ok;
                default:
                    return false;
            }
        }

        private static bool Throws(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation is IThrowOperation || (operation is IExpressionStatementOperation statement && statement.Operation is IThrowOperation);
        }

        private static bool IsOperationType(ITypeSymbol? type) => type?.ToDisplayString() == BackendModel.OperationType;
    }
}
