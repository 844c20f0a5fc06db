using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace SupportDesk.Data.Users;

public static class IdentityCoreSetup
{
    /// <summary>The shortest password any form accepts (register, change, set and reset).</summary>
    public const int PasswordMinimumLength = 8;

    /// <summary>
    /// Identity's user and role stores with SupportDesk's account rules. The web app adds sign-in on top;
    /// tests and tools use this alone.
    /// </summary>
    public static IdentityBuilder AddSupportDeskIdentityCore(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddScoped<UserAccounts>();
        services.AddScoped<UserAdministration>();
        return services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // Length matters more than character classes (NIST SP 800-63B); a digit keeps dictionary words out.
                options.Password.RequiredLength = PasswordMinimumLength;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SupportDbContext>()
            .AddDefaultTokenProviders();
    }
}
