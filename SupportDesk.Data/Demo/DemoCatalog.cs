namespace SupportDesk.Data.Demo;

/// <summary>A problem a customer might report: the ticket's title and first message.</summary>
internal sealed record DemoIssue(string Title, string Description);

/// <summary>A ticket category with the issues it draws from and the tags an agent would put on them.</summary>
internal sealed record DemoCategory(string Name, IReadOnlyList<DemoIssue> Issues, IReadOnlyList<string> Tags, bool HasOrder);

internal sealed record DemoTag(string Name, string Color, string Description);

/// <summary>The words of the demo helpdesk, kept apart from the code that arranges them into history.</summary>
internal static class DemoCatalog
{
    public static readonly IReadOnlyList<DemoTag> Tags =
    [
        new("refund", "#e53935", "The customer asks for money back."),
        new("invoice", "#8e24aa", "Invoices, receipts and VAT details."),
        new("bug", "#d81b60", "Something in the product does not work as documented."),
        new("outage", "#b71c1c", "A service is down or badly degraded."),
        new("how-to", "#1e88e5", "The customer needs directions, not a fix."),
        new("mobile", "#00897b", "Concerns the iOS or Android app."),
        new("delivery", "#f4511e", "Parcels, carriers and delivery dates."),
        new("vip", "#fdd835", "Key account: answer first."),
    ];

    public static readonly IReadOnlyList<DemoCategory> Categories =
    [
        new("Billing",
        [
            new("Charged twice for the same order", "My card statement shows two identical charges for one order. Please refund the duplicate."),
            new("Invoice is missing our VAT number", "The invoice for last month does not show our VAT number, so our accountant cannot book it. Can you reissue it?"),
            new("Refund not received after return", "I returned the item two weeks ago and the tracking says it arrived, but I have not seen the refund yet."),
            new("Annual plan renewed without notice", "Our annual plan renewed automatically and we did not get the reminder email. We meant to switch to monthly."),
            new("Discount code was not applied", "I entered the code SPRING15 at checkout, but the total did not change. Can you apply the discount afterwards?"),
            new("Need a copy of all receipts for 2026", "For our bookkeeping I need every receipt from this year in one PDF or a zip file."),
        ], ["refund", "invoice", "vip"], HasOrder: true),
        new("Technical",
        [
            new("App crashes when uploading a photo", "Every time I attach a photo from my phone the app closes. It started after the latest update."),
            new("Export to CSV produces an empty file", "When I export the report to CSV the file downloads but only contains the header row."),
            new("Page loads very slowly since this morning", "The dashboard takes more than 30 seconds to load for everyone in our office since about 8 am."),
            new("Error 500 when saving settings", "Saving the notification settings shows \"Something went wrong (500)\". Nothing is saved."),
            new("Sync between phone and laptop stopped", "Changes I make on my laptop no longer show up on my phone. Logging out and in did not help."),
            new("Printer integration prints blank labels", "Shipping labels come out of the printer completely blank. Test pages from the printer itself look fine."),
        ], ["bug", "outage", "mobile", "how-to"], HasOrder: false),
        new("Account",
        [
            new("Cannot reset my password", "I requested a password reset three times but the email never arrives. It is not in spam either."),
            new("Please change the email on my account", "I changed jobs and need the account moved to my new address. The old mailbox will be closed next week."),
            new("Two-factor code is always rejected", "My authenticator app codes are rejected as invalid. I have a new phone since last week."),
            new("Add a second user to our company account", "We hired a new office manager. How do I give her access without sharing my login?"),
            new("Close my account and delete my data", "I no longer need the service. Please close my account and delete my personal data."),
            new("Locked out after too many attempts", "I mistyped my password a few times and now the account says it is locked."),
        ], ["how-to", "vip", "mobile"], HasOrder: false),
        new("Shipping",
        [
            new("Parcel shows delivered but never arrived", "Tracking says the parcel was delivered yesterday at 14:02, but nobody here received it and it is not with the neighbours."),
            new("Wrong item in the package", "I ordered the blue version and received the grey one. How do I exchange it?"),
            new("Can I change the delivery address?", "I will be away next week. Can the order still be sent to my office instead of my home address?"),
            new("Order stuck in \"processing\" for a week", "My order has shown \"processing\" for seven days. When will it ship?"),
            new("Box arrived damaged", "The outer box was crushed and one of the glasses inside is broken. Photos attached."),
            new("Do you ship to Norway?", "Checkout does not offer Norway as a country. Is there a way to order anyway?"),
        ], ["delivery", "refund", "vip"], HasOrder: true),
        new("Feature request",
        [
            new("Dark mode for the mobile app", "The web app has a dark theme; it would be great to have the same in the mobile app."),
            new("Export reports as Excel", "Our finance team would prefer .xlsx over CSV so formatting survives."),
            new("Let us schedule reports by email", "We would like the weekly report emailed every Monday morning automatically."),
            new("Bulk edit for product prices", "Changing prices one product at a time takes hours. A bulk edit would save us a lot of time."),
            new("Single sign-on with Microsoft accounts", "Our IT department asks whether you support SSO with Microsoft Entra ID."),
        ], ["how-to", "mobile", "vip"], HasOrder: false),
    ];

    public static readonly IReadOnlyList<string> FirstReplies =
    [
        "Thanks for reaching out, and sorry for the trouble. I am looking into this now and will get back to you shortly.",
        "Thank you for the details. Could you tell me roughly when this first happened and whether it happens every time?",
        "Hi, thanks for your message. I have passed this to the right team and will keep you updated here.",
        "Sorry about this! Could you send a screenshot or the exact error message so we can reproduce it?",
        "Thanks for letting us know. I can see the problem on our side and I am working on it.",
        "Hello, thank you for your patience. Can you confirm the email address or order number this concerns?",
    ];

    public static readonly IReadOnlyList<string> CustomerReplies =
    [
        "Thanks for the quick answer. It happened again this morning, screenshot attached.",
        "Yes, the order number is in the ticket. Anything else you need from me?",
        "It happens every time, on both my laptop and my phone.",
        "I tried what you suggested but it did not change anything, unfortunately.",
        "That is correct. I am using the latest version of the app.",
    ];

    public static readonly IReadOnlyList<string> Nudges =
    [
        "Any news on this? It is becoming urgent for us.",
        "Just checking that you received my message.",
    ];

    public static readonly IReadOnlyList<string> FollowUps =
    [
        "Thanks, that helps. I have reproduced it and asked our developers to take a look.",
        "Quick update: we have found the cause and a fix is being tested.",
        "Could you try again now? We made a change on our side that should help.",
        "I have escalated this to our second-line team; you will hear from us within a day.",
    ];

    public static readonly IReadOnlyList<string> Resolutions =
    [
        "Good news: this is fixed now. Please let us know if anything else comes up.",
        "I have processed this for you; you should see the change within 3 to 5 business days.",
        "The update is done on our side. I am marking this ticket as resolved, but just reply if it happens again.",
        "We have shipped a fix in today's release. Thanks for your patience and for the detailed report.",
        "All sorted: the corrected document is now in your account under Billing.",
    ];

    public static readonly IReadOnlyList<string> Thanks =
    [
        "Works now, thank you!",
        "Great, thanks a lot for the help.",
        "Confirmed, everything looks good on our side.",
    ];

    public static readonly IReadOnlyList<string> InternalNotes =
    [
        "Checked the logs: same error as last week's incident. Linking to the post-mortem.",
        "Customer is on the Business plan, so the 4-hour response target applies.",
        "Asked finance to confirm the payment before we promise anything.",
        "Reproduced on staging with the customer's settings. Looks like a regression from the last release.",
        "Second ticket from this customer about the same problem; be extra careful with the tone.",
        "Waiting on the carrier's investigation (reference CR-88231).",
        "Not a bug: the setting is per workspace. Sent the docs link.",
    ];
}
