using System.Text;
using System.Text.Json;

namespace WebexWholesale.Simulator;

/// <summary>
/// The simulated partner org's customers. Provision, update and remove take <c>provisioningSeconds</c> of simulated
/// time; the state advances when it is looked at, so the store needs no background timer and runs on any
/// <see cref="TimeProvider"/>. ExternalIds starting with <c>sim-fail-</c> end in <c>error</c>, those starting with
/// <c>sim-partial-</c> in <c>provisioned_with_errors</c>. A seed file is read like a state file but never written: an
/// estate of 50,000 subscribers starts from one without being created first, and without a 15 MB write per change.
/// </summary>
public sealed partial class CustomerStore(TimeProvider time, string? stateFile, string? seedFile = null)
{
    public const string FailPrefix = "sim-fail-";
    public const string PartialPrefix = "sim-partial-";

    private readonly Lock _gate = new();
    private readonly SimulatorState _state = Load(stateFile ?? seedFile);

    public TimeSpan ProvisioningTime { get; set; } = TimeSpan.FromSeconds(2);

    public StoredCustomer Provision(ProvisionBody body, string? subPartner)
    {
        lock (_gate)
        {
            var uuid = Guid.NewGuid();
            var customer = new StoredCustomer
            {
                Id = EncodeId("ENTERPRISE", uuid),
                OrgId = body.OrgId,
                ExternalId = body.ExternalId,
                Address = body.Address,
                CustomerInfo = body.CustomerInfo,
                Status = "provisioning",
                Packages = [.. body.Packages!],
                PackageStatus = body.Packages!.ToDictionary(name => name, _ => "provisioning"),
                SubPartnerOrgId = subPartner,
                PendingOperation = "provision",
                PendingUntil = time.GetUtcNow() + ProvisioningTime,
                PendingPackages = [.. body.Packages!],
                Sequence = _state.Customers.Count == 0 ? 1 : _state.Customers.Max(c => c.Sequence) + 1,
            };
            _state.Customers.Add(customer);
            Save();
            return Snapshot(customer);
        }
    }

    public StoredCustomer? Get(string id)
    {
        lock (_gate)
        {
            AdvanceAll();
            return _state.Customers.FirstOrDefault(customer => customer.Id == id) is { } found ? Snapshot(found) : null;
        }
    }

    public List<StoredCustomer> List()
    {
        lock (_gate)
        {
            AdvanceAll();
            return [.. _state.Customers.OrderBy(customer => customer.Sequence).Select(Snapshot)];
        }
    }

    /// <summary>Starts an update; returns null when the customer does not exist, or a conflict message.</summary>
    public (StoredCustomer? Customer, string? Conflict) Update(string id, UpdateBody body)
    {
        lock (_gate)
        {
            AdvanceAll();
            var customer = _state.Customers.FirstOrDefault(c => c.Id == id);
            if (customer is null)
            {
                return (null, null);
            }

            if (IsBusy(customer))
            {
                return (customer, $"customer {id} is {customer.Status}; retry when the operation has finished");
            }

            customer.ExternalId = body.ExternalId ?? customer.ExternalId;
            customer.Address = body.Address ?? customer.Address;
            var target = body.Packages!;
            foreach (var name in target.Except(customer.Packages))
            {
                customer.PackageStatus[name] = "provisioning";
            }

            foreach (var name in customer.Packages.Except(target))
            {
                customer.PackageStatus[name] = "deleting";
            }

            customer.Packages = [.. customer.Packages.Union(target)];
            customer.Status = "updating";
            customer.Errors = [];
            customer.PendingOperation = "update";
            customer.PendingUntil = time.GetUtcNow() + ProvisioningTime;
            customer.PendingPackages = [.. target];
            Save();
            return (Snapshot(customer), null);
        }
    }

    /// <summary>Starts a removal; returns false when the customer does not exist, or a conflict message.</summary>
    public (bool Found, string? Conflict) Remove(string id)
    {
        lock (_gate)
        {
            AdvanceAll();
            var customer = _state.Customers.FirstOrDefault(c => c.Id == id);
            if (customer is null)
            {
                return (false, null);
            }

            if (customer.Status == "deleting")
            {
                return (true, null);
            }

            if (IsBusy(customer))
            {
                return (true, $"customer {id} is {customer.Status}; retry when the operation has finished");
            }

            customer.Status = "deleting";
            foreach (var name in customer.Packages)
            {
                customer.PackageStatus[name] = "deleting";
            }

            customer.PendingOperation = "remove";
            customer.PendingUntil = time.GetUtcNow() + ProvisioningTime;
            Save();
            return (true, null);
        }
    }

    public bool EmailInUse(string email, out string? customerId)
    {
        lock (_gate)
        {
            customerId = _state.Customers.FirstOrDefault(c => string.Equals(c.CustomerInfo?.PrimaryEmail, email, StringComparison.OrdinalIgnoreCase))?.Id;
            return customerId is not null;
        }
    }

    public bool ExternalIdInUse(string externalId, out string? customerId)
    {
        lock (_gate)
        {
            customerId = _state.Customers.FirstOrDefault(c => c.ExternalId == externalId)?.Id;
            return customerId is not null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _state.Customers.Clear();
            _state.Subscribers.Clear();
            _state.FreeAccounts.Clear();
            _state.SubPartners.Clear();
            Save();
        }
    }

    private static bool IsBusy(StoredCustomer customer) => customer.PendingOperation is not null;

    private void AdvanceAll()
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var customer in _state.Customers.ToList().Where(c => c.PendingUntil is { } until && until <= now))
        {
            changed = true;
            if (customer.PendingOperation == "remove")
            {
                // Assumed (Webex does not document it): a customer's subscriber mappings go with the customer's.
                _state.Customers.Remove(customer);
                _state.Subscribers.RemoveAll(subscriber => subscriber.CustomerId == customer.Id);
                continue;
            }

            Complete(customer);
        }

        if (changed)
        {
            Save();
        }
    }

    private static void Complete(StoredCustomer customer)
    {
        var target = customer.PendingPackages ?? customer.Packages;
        customer.Packages = [.. target];
        customer.PackageStatus = target.ToDictionary(name => name, _ => "provisioned");
        customer.PendingOperation = null;
        customer.PendingUntil = null;
        customer.PendingPackages = null;
        var externalId = customer.ExternalId ?? "";
        if (externalId.StartsWith(FailPrefix, StringComparison.Ordinal))
        {
            customer.Status = "error";
            customer.PackageStatus = target.ToDictionary(name => name, _ => "error");
            customer.Errors = [new ErrorItem { ErrorCode = 4003, Description = "Simulated failure: provisioning the customer's organization failed." }];
            return;
        }

        customer.OrgId ??= EncodeId("ORGANIZATION", Guid.NewGuid());
        if (externalId.StartsWith(PartialPrefix, StringComparison.Ordinal) && target.Count > 0)
        {
            customer.Status = "provisioned_with_errors";
            customer.PackageStatus[target[0]] = "error";
            customer.Errors = [new ErrorItem { ErrorCode = 4004, Description = $"Simulated failure: package {target[0]} could not be provisioned." }];
            return;
        }

        customer.Status = "provisioned";
        customer.Errors = [];
    }

    internal static string EncodeId(string type, Guid uuid) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"ciscospark://us/{type}/{uuid}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static StoredCustomer Snapshot(StoredCustomer customer) => customer with
    {
        Packages = [.. customer.Packages],
        PackageStatus = new Dictionary<string, string>(customer.PackageStatus),
        Errors = [.. customer.Errors],
    };

    private static SimulatorState Load(string? stateFile)
    {
        if (stateFile is null || !File.Exists(stateFile))
        {
            return new SimulatorState();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(stateFile), SimulatorJson.Default.SimulatorState)
                ?? throw new StateFileException($"the state file {stateFile} holds no state object");
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"cannot read the state file {stateFile}: {error.Message} (delete it to start empty)", error);
        }
    }

    /// <summary>
    /// Writes the state file once at start, so that a folder that does not exist or cannot be written is one clear
    /// error before the simulator prints its URL, not a 500 to every request after it.
    /// </summary>
    public void SaveAtStart()
    {
        lock (_gate)
        {
            Save();
        }
    }

    private void Save()
    {
        if (stateFile is null)
        {
            return;
        }

        // Write then rename, so a crash never leaves half a file.
        var temporary = $"{stateFile}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(_state, SimulatorJson.Default.SimulatorState));
            File.Move(temporary, stateFile, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"cannot save the state file {stateFile}: {error.Message} (its folder must exist and be writable)", error);
        }
    }
}
