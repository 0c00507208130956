using Microsoft.AspNetCore.Http;

namespace VaultPathGen.Dev;

/// <summary>Dev mode's <c>sys/internal/specs/openapi</c>: read with query options, or write with them in the body, as Vault takes both.</summary>
public sealed partial class VaultDevServer
{
    private async Task<bool> TryHandleOpenApiAsync(HttpContext context, string logical)
    {
        if (logical != DevOpenApi.Path)
        {
            return false;
        }

        var (operation, status, error) = VaultHttpMapping.OperationFor(context.Request);
        if (error is null && operation is not (Operation.Read or Operation.Update))
        {
            (status, error) = (StatusCodes.Status405MethodNotAllowed, "unsupported operation");
        }

        if (error is null)
        {
            var (data, dataStatus, dataError) = await VaultHttpMapping.ReadDataAsync(context.Request, operation, context.RequestAborted).ConfigureAwait(false);
            (status, error) = (dataStatus, dataError);
            if (error is null && DevOpenApi.TryReadOptions(data, out var genericMountPaths, out var suffix, out error))
            {
                var document = await DevOpenApi.DocumentAsync(_backend, _mount, MountType, Storage, genericMountPaths, suffix, context.RequestAborted).ConfigureAwait(false);
                await WriteJson(context, StatusCodes.Status200OK, document).ConfigureAwait(false);
                return true;
            }

            status = error is null ? status : StatusCodes.Status400BadRequest;
        }

        await WriteErrors(context, status, error!).ConfigureAwait(false);
        return true;
    }
}
