// Generated from Groundwork's OpenAPI document by backend/scripts/apiTypes.ts (npm run api:types): do not edit.

export interface paths {
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a workspace and its first owner, and log in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workspaceName: string;
                        name: string;
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                joinedAt: string;
                            };
                            account: {
                                emailVerified: boolean;
                                /** @description Whether this Groundwork sends mail (verification and password-reset links) */
                                mailEnabled: boolean;
                            };
                            /** @description Send back as the X-CSRF-Token header on every state-changing request */
                            csrfToken: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                joinedAt: string;
                            };
                            account: {
                                emailVerified: boolean;
                                /** @description Whether this Groundwork sends mail (verification and password-reset links) */
                                mailEnabled: boolean;
                            };
                            /** @description Send back as the X-CSRF-Token header on every state-changing request */
                            csrfToken: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current member, workspace and CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                joinedAt: string;
                            };
                            account: {
                                emailVerified: boolean;
                                /** @description Whether this Groundwork sends mail (verification and password-reset links) */
                                mailEnabled: boolean;
                            };
                            /** @description Send back as the X-CSRF-Token header on every state-changing request */
                            csrfToken: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the workspace, in the order they joined */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                joinedAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Workspace owners only.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "member";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** @enum {string} */
                            role: "owner" | "member";
                            /** @description ISO 8601 date-time */
                            joinedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open and accepted invites, newest first
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                expiresAt: string;
                                acceptedAt: string | null;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite someone by link; the link is returned once
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /**
                         * @default member
                         * @enum {string}
                         */
                        role?: "owner" | "member";
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "owner" | "member";
                            /** @description ISO 8601 date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description Shown once: the link to send to the invitee */
                            inviteUrl: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invite
         * @description Workspace owners only.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/by-token/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invite link is for, before accepting it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspaceName: string;
                            email: string;
                            /** @enum {string} */
                            role: "owner" | "member";
                            /** @description The invited email has an account already: join by logging in to it */
                            accountExists: boolean;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invite: join the workspace, by logging in to the invited email's account or creating it, and log in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        /** @description For a new account; an existing one keeps its name */
                        name?: string;
                        /** @description A new account's password, or the existing account's */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /** @description ISO 8601 date-time */
                                joinedAt: string;
                            };
                            account: {
                                emailVerified: boolean;
                                /** @description Whether this Groundwork sends mail (verification and password-reset links) */
                                mailEnabled: boolean;
                            };
                            /** @description Send back as the X-CSRF-Token header on every state-changing request */
                            csrfToken: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an account's email address with the link mailed to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail the confirmation link again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a one-time password reset link to an account's address (the answer is the same whether or not it exists) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with a reset link; every session of the account ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}/password-reset-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a one-time password reset link for a member, to hand over as you would an invite (when Groundwork sends no mail)
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            resetUrl: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Feedback the caller wrote or received (shared with them), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    subjectId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                authorId: string;
                                /** Format: uuid */
                                subjectId: string;
                                body: string;
                                /** @enum {string} */
                                visibility: "private" | "shared_with_subject";
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Write feedback about a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        subjectId: string;
                        body: string;
                        /**
                         * @default shared_with_subject
                         * @enum {string}
                         */
                        visibility?: "private" | "shared_with_subject";
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            /** Format: uuid */
                            subjectId: string;
                            body: string;
                            /** @enum {string} */
                            visibility: "private" | "shared_with_subject";
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete feedback you wrote, with its links */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit feedback you wrote */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        /** @enum {string} */
                        visibility?: "private" | "shared_with_subject";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            /** Format: uuid */
                            subjectId: string;
                            body: string;
                            /** @enum {string} */
                            visibility: "private" | "shared_with_subject";
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/one-on-ones/{id}/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the 1:1 held now: its "since last time" starts from here */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            memberIds: [
                                string,
                                string
                            ];
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description When it was last marked held; null: never */
                            lastHeldAt: string | null;
                            agenda: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                authorId: string;
                                text: string;
                                done: boolean;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/one-on-ones/{id}/since-last": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The other person's work since the 1:1 was last held (before it ever was, the last 30 days): what to bring to the agenda */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The other person in the 1:1, whose work this is */
                            memberId: string;
                            /** @description When the 1:1 was last held; before it ever was, 30 days ago */
                            since: string;
                            /** @description Newest first, at most 30 */
                            entries: {
                                /**
                                 * @description attached: someone attached it to their feedback or OKRs; they did not write it
                                 * @enum {string}
                                 */
                                kind: "authored" | "reviewed" | "commented" | "attached";
                                /** @description When it happened on the host (a PR's close, else its last update or opening; a comment's time) */
                                at: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                                /** @description Their review's verdict, for reviewed */
                                verdict: ("approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected") | null;
                                /** @description What they wrote, for commented */
                                comment: {
                                    body: string;
                                    url: string | null;
                                } | null;
                                /** @description Where it is attached, as far as the caller may see */
                                attachedTo: {
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    targetId: string;
                                    title: string;
                                }[];
                            }[];
                            /** @description How many more there are beyond those */
                            more: number;
                            /** @description Their growth assignments' milestones since then that the caller may see, newest first */
                            assignments: {
                                /** @enum {string} */
                                event: "agreed" | "started" | "done";
                                /** @description ISO 8601 date-time */
                                at: string;
                                assignment: {
                                    id: string;
                                    /** @description GW-42 */
                                    key: string;
                                    title: string;
                                    /**
                                     * @description Where it stands now
                                     * @enum {string}
                                     */
                                    status: "planned" | "in_progress" | "in_review" | "done";
                                    pullRequestUrl: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/one-on-ones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's 1:1s with their agendas, oldest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                memberIds: [
                                    string,
                                    string
                                ];
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                /** @description When it was last marked held; null: never */
                                lastHeldAt: string | null;
                                agenda: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    authorId: string;
                                    text: string;
                                    done: boolean;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    links: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                        /** Format: uuid */
                                        targetId: string;
                                        note: string | null;
                                        /** Format: uuid */
                                        linkedBy: string;
                                        /** @description ISO 8601 date-time */
                                        createdAt: string;
                                        item: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            host: "ado" | "bitbucket";
                                            /** @enum {string} */
                                            kind: "pull_request" | "work_item";
                                            url: string;
                                            /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                            externalKey: string;
                                            hostIds: {
                                                [key: string]: string | number;
                                            };
                                            /** @enum {string} */
                                            metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                            /** @description From the last snapshot fetched from the host; null until one is */
                                            details: ({
                                                /** @constant */
                                                kind: "pull_request";
                                                description: string | null;
                                                author: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                reviewers: {
                                                    name: string | null;
                                                    email: string | null;
                                                    /** @enum {string} */
                                                    verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                                }[];
                                                sourceBranch: string | null;
                                                targetBranch: string | null;
                                                repository: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                createdAt: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                updatedAt: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                closedAt: string | null;
                                            } | {
                                                /** @constant */
                                                kind: "work_item";
                                                /** @description Bug, User Story, Task… */
                                                type: string | null;
                                                /** @description As the host stores it (Azure DevOps: HTML) */
                                                description: string | null;
                                                assignee: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                createdBy: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                area: string | null;
                                                project: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                updatedAt: string | null;
                                            }) | null;
                                            title: string | null;
                                            state: string | null;
                                            authorEmail: string | null;
                                            fetchedAt: string | null;
                                            /** @description Members' latest comments on the item, newest first */
                                            updates: {
                                                /** Format: uuid */
                                                id: string;
                                                /** @enum {string} */
                                                kind: "comment";
                                                /**
                                                 * Format: uuid
                                                 * @description The member who wrote it, matched by email
                                                 */
                                                memberId: string;
                                                authorName: string;
                                                body: string;
                                                url: string | null;
                                                /** @description ISO 8601 date-time */
                                                occurredAt: string;
                                            }[];
                                            /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                            insight: {
                                                /** @description Strongest first */
                                                themes: {
                                                    /** @enum {string} */
                                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                                contributions: {
                                                    text: string;
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /** @description What it changes for users or the team, its risk and reach */
                                                impact: {
                                                    text: string;
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /**
                                                 * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                                 * @enum {string}
                                                 */
                                                derivedBy: "rules" | "model";
                                                derivedAt: string;
                                            } | null;
                                        };
                                    }[];
                                }[];
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start a 1:1 with a member (returns the existing one if the pair has one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            memberIds: [
                                string,
                                string
                            ];
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description When it was last marked held; null: never */
                            lastHeldAt: string | null;
                            agenda: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                authorId: string;
                                text: string;
                                done: boolean;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/one-on-ones/{id}/agenda-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an agenda item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            text: string;
                            done: boolean;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agenda-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an agenda item, with its links */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an agenda item or tick it off */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        done?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            text: string;
                            done: boolean;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objectives with their key results, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    period?: string;
                    ownerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ownerId: string;
                                title: string;
                                description: string | null;
                                period: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                keyResults: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    target: number;
                                    current: number;
                                    links: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                        /** Format: uuid */
                                        targetId: string;
                                        note: string | null;
                                        /** Format: uuid */
                                        linkedBy: string;
                                        /** @description ISO 8601 date-time */
                                        createdAt: string;
                                        item: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            host: "ado" | "bitbucket";
                                            /** @enum {string} */
                                            kind: "pull_request" | "work_item";
                                            url: string;
                                            /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                            externalKey: string;
                                            hostIds: {
                                                [key: string]: string | number;
                                            };
                                            /** @enum {string} */
                                            metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                            /** @description From the last snapshot fetched from the host; null until one is */
                                            details: ({
                                                /** @constant */
                                                kind: "pull_request";
                                                description: string | null;
                                                author: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                reviewers: {
                                                    name: string | null;
                                                    email: string | null;
                                                    /** @enum {string} */
                                                    verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                                }[];
                                                sourceBranch: string | null;
                                                targetBranch: string | null;
                                                repository: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                createdAt: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                updatedAt: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                closedAt: string | null;
                                            } | {
                                                /** @constant */
                                                kind: "work_item";
                                                /** @description Bug, User Story, Task… */
                                                type: string | null;
                                                /** @description As the host stores it (Azure DevOps: HTML) */
                                                description: string | null;
                                                assignee: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                createdBy: {
                                                    name: string | null;
                                                    email: string | null;
                                                } | null;
                                                area: string | null;
                                                project: string | null;
                                                /** @description ISO 8601, as the host gave it */
                                                updatedAt: string | null;
                                            }) | null;
                                            title: string | null;
                                            state: string | null;
                                            authorEmail: string | null;
                                            fetchedAt: string | null;
                                            /** @description Members' latest comments on the item, newest first */
                                            updates: {
                                                /** Format: uuid */
                                                id: string;
                                                /** @enum {string} */
                                                kind: "comment";
                                                /**
                                                 * Format: uuid
                                                 * @description The member who wrote it, matched by email
                                                 */
                                                memberId: string;
                                                authorName: string;
                                                body: string;
                                                url: string | null;
                                                /** @description ISO 8601 date-time */
                                                occurredAt: string;
                                            }[];
                                            /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                            insight: {
                                                /** @description Strongest first */
                                                themes: {
                                                    /** @enum {string} */
                                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                                contributions: {
                                                    text: string;
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /** @description What it changes for users or the team, its risk and reach */
                                                impact: {
                                                    text: string;
                                                    evidence: {
                                                        /** @enum {string} */
                                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                        text: string;
                                                    }[];
                                                }[];
                                                /**
                                                 * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                                 * @enum {string}
                                                 */
                                                derivedBy: "rules" | "model";
                                                derivedAt: string;
                                            } | null;
                                        };
                                    }[];
                                }[];
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Set an objective */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        period: string;
                        /**
                         * Format: uuid
                         * @description Defaults to the caller
                         */
                        ownerId?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            title: string;
                            description: string | null;
                            period: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            keyResults: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                target: number;
                                current: number;
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/objectives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an objective, its key results and their links */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an objective */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        period?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            title: string;
                            description: string | null;
                            period: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            keyResults: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                target: number;
                                current: number;
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/objectives/{id}/key-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a key result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @default 100 */
                        target?: number;
                        /** @default 0 */
                        current?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            target: number;
                            current: number;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/key-results/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a key result and its links */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a key result's progress or wording */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        target?: number;
                        current?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            target: number;
                            current: number;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/competencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's competency framework, by name */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                description: string | null;
                                levels: {
                                    level: number;
                                    title: string;
                                    description: string | null;
                                }[];
                                links: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    linkedBy: string;
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                }[];
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Define a competency and its levels
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        levels: {
                            level: number;
                            title: string;
                            description?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            levels: {
                                level: number;
                                title: string;
                                description: string | null;
                            }[];
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/competencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a competency, its levels, assessments and links
         * @description Workspace owners only.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a competency or redefine its levels
         * @description Workspace owners only.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        levels?: {
                            level: number;
                            title: string;
                            description?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            levels: {
                                level: number;
                                title: string;
                                description: string | null;
                            }[];
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/competencies/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's work attached to a competency, by period, beside their assessed level then: growth over time */
        get: {
            parameters: {
                query?: {
                    periods?: number;
                    until?: string;
                    memberId?: string;
                    period?: "week" | "month" | "quarter";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            competencyId: string;
                            memberId: string;
                            periods: {
                                /** @description ISO 8601 date-time */
                                start: string;
                                /** @description ISO 8601 date-time */
                                end: string;
                                label: string;
                                /** @description Their latest assessment by the period's end */
                                level: {
                                    level: number;
                                    title: string;
                                    /** @description ISO 8601 date-time */
                                    assessedAt: string;
                                } | null;
                                /** @description Their work attached to the competency, newest first */
                                entries: {
                                    /**
                                     * @description attached: someone attached it to their feedback or OKRs; they did not write it
                                     * @enum {string}
                                     */
                                    kind: "authored" | "reviewed" | "commented" | "attached";
                                    /** @description When it happened on the host (a PR's close, else its last update or opening; a comment's time) */
                                    at: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                    /** @description Their review's verdict, for reviewed */
                                    verdict: ("approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected") | null;
                                    /** @description What they wrote, for commented */
                                    comment: {
                                        body: string;
                                        url: string | null;
                                    } | null;
                                    /** @description Where it is attached, as far as the caller may see */
                                    attachedTo: {
                                        /** @enum {string} */
                                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                        targetId: string;
                                        title: string;
                                    }[];
                                }[];
                                themes: {
                                    /** @enum {string} */
                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                    count: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessments: your own, or anyone's for workspace owners; newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    memberId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                memberId: string;
                                /** Format: uuid */
                                competencyId: string;
                                level: number;
                                note: string | null;
                                /** Format: uuid */
                                assessedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a member's level on a competency (owners for anyone, members for themselves) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        memberId: string;
                        /** Format: uuid */
                        competencyId: string;
                        level: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** Format: uuid */
                            competencyId: string;
                            level: number;
                            note: string | null;
                            /** Format: uuid */
                            assessedBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Growth assignments the caller takes part in (all of them for owners), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    memberId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description Short and unique in the workspace, e.g. GW-42 */
                                key: string;
                                title: string;
                                description: string | null;
                                acceptanceCriteria: {
                                    text: string;
                                    done: boolean;
                                }[];
                                /** Format: uuid */
                                memberId: string;
                                mentorId: string | null;
                                competency: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    level: number | null;
                                } | null;
                                keyResult: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    /** Format: uuid */
                                    objectiveId: string;
                                } | null;
                                repository: {
                                    host: string;
                                    connectionId: string;
                                    /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                    repository: string;
                                } | null;
                                /** @enum {string} */
                                status: "planned" | "in_progress" | "in_review" | "done";
                                work: {
                                    /** @enum {string} */
                                    state: "starting" | "started" | "failed";
                                    branch: string | null;
                                    pullRequestUrl: string | null;
                                    /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                    reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                    error: string | null;
                                    /** @description ISO 8601 date-time */
                                    startedAt: string;
                                } | null;
                                /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                                pullRequestReadAt: string | null;
                                /** Format: uuid */
                                createdBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                /** @description ISO 8601 date-time */
                                updatedAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Agree a growth assignment with a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        acceptanceCriteria: {
                            text: string;
                            /** @default false */
                            done?: boolean;
                        }[];
                        /**
                         * Format: uuid
                         * @description Who takes the assignment on
                         */
                        memberId: string;
                        /** @description Who reviews its pull request; when null, whoever set the assignment (their manager, as a rule) unless that is its member */
                        mentorId?: string | null;
                        competency?: {
                            /** Format: uuid */
                            id: string;
                            /** @description The level it works towards */
                            level?: number;
                        } | null;
                        keyResultId?: string | null;
                        /** @description Where Start work creates the branch and the pull request */
                        repository?: {
                            host: string;
                            connectionId: string;
                            /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                            repository: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Short and unique in the workspace, e.g. GW-42 */
                            key: string;
                            title: string;
                            description: string | null;
                            acceptanceCriteria: {
                                text: string;
                                done: boolean;
                            }[];
                            /** Format: uuid */
                            memberId: string;
                            mentorId: string | null;
                            competency: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                level: number | null;
                            } | null;
                            keyResult: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                objectiveId: string;
                            } | null;
                            repository: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            } | null;
                            /** @enum {string} */
                            status: "planned" | "in_progress" | "in_review" | "done";
                            work: {
                                /** @enum {string} */
                                state: "starting" | "started" | "failed";
                                branch: string | null;
                                pullRequestUrl: string | null;
                                /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                startedAt: string;
                            } | null;
                            /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                            pullRequestReadAt: string | null;
                            /** Format: uuid */
                            createdBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description ISO 8601 date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The repositories an assignment's work can start in: those the workspace's connections follow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One growth assignment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Short and unique in the workspace, e.g. GW-42 */
                            key: string;
                            title: string;
                            description: string | null;
                            acceptanceCriteria: {
                                text: string;
                                done: boolean;
                            }[];
                            /** Format: uuid */
                            memberId: string;
                            mentorId: string | null;
                            competency: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                level: number | null;
                            } | null;
                            keyResult: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                objectiveId: string;
                            } | null;
                            repository: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            } | null;
                            /** @enum {string} */
                            status: "planned" | "in_progress" | "in_review" | "done";
                            work: {
                                /** @enum {string} */
                                state: "starting" | "started" | "failed";
                                branch: string | null;
                                pullRequestUrl: string | null;
                                /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                startedAt: string;
                            } | null;
                            /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                            pullRequestReadAt: string | null;
                            /** Format: uuid */
                            createdBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description ISO 8601 date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an assignment (whoever set it, or an owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an assignment: its wording, criteria (ticked or not), mentor, growth target, repository or status */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        acceptanceCriteria?: {
                            text: string;
                            /** @default false */
                            done?: boolean;
                        }[];
                        /** @description Who reviews its pull request; when null, whoever set the assignment (their manager, as a rule) unless that is its member */
                        mentorId?: string | null;
                        competency?: {
                            /** Format: uuid */
                            id: string;
                            /** @description The level it works towards */
                            level?: number;
                        } | null;
                        keyResultId?: string | null;
                        /** @description Where Start work creates the branch and the pull request */
                        repository?: {
                            host: string;
                            connectionId: string;
                            /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                            repository: string;
                        } | null;
                        /** @enum {string} */
                        status?: "planned" | "in_progress" | "in_review" | "done";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Short and unique in the workspace, e.g. GW-42 */
                            key: string;
                            title: string;
                            description: string | null;
                            acceptanceCriteria: {
                                text: string;
                                done: boolean;
                            }[];
                            /** Format: uuid */
                            memberId: string;
                            mentorId: string | null;
                            competency: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                level: number | null;
                            } | null;
                            keyResult: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                objectiveId: string;
                            } | null;
                            repository: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            } | null;
                            /** @enum {string} */
                            status: "planned" | "in_progress" | "in_review" | "done";
                            work: {
                                /** @enum {string} */
                                state: "starting" | "started" | "failed";
                                branch: string | null;
                                pullRequestUrl: string | null;
                                /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                startedAt: string;
                            } | null;
                            /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                            pullRequestReadAt: string | null;
                            /** Format: uuid */
                            createdBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description ISO 8601 date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/assignments/{id}/start-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the work on the host: a branch, the ticket on it, a pull request with the criteria as a checklist, and the mentor as reviewer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Short and unique in the workspace, e.g. GW-42 */
                            key: string;
                            title: string;
                            description: string | null;
                            acceptanceCriteria: {
                                text: string;
                                done: boolean;
                            }[];
                            /** Format: uuid */
                            memberId: string;
                            mentorId: string | null;
                            competency: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                level: number | null;
                            } | null;
                            keyResult: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                objectiveId: string;
                            } | null;
                            repository: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            } | null;
                            /** @enum {string} */
                            status: "planned" | "in_progress" | "in_review" | "done";
                            work: {
                                /** @enum {string} */
                                state: "starting" | "started" | "failed";
                                branch: string | null;
                                pullRequestUrl: string | null;
                                /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                startedAt: string;
                            } | null;
                            /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                            pullRequestReadAt: string | null;
                            /** Format: uuid */
                            createdBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description ISO 8601 date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/sync-pull-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the assignment's pull request from its host now (when its events may not have come): its state and checklist move the assignment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description Short and unique in the workspace, e.g. GW-42 */
                            key: string;
                            title: string;
                            description: string | null;
                            acceptanceCriteria: {
                                text: string;
                                done: boolean;
                            }[];
                            /** Format: uuid */
                            memberId: string;
                            mentorId: string | null;
                            competency: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                level: number | null;
                            } | null;
                            keyResult: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                objectiveId: string;
                            } | null;
                            repository: {
                                host: string;
                                connectionId: string;
                                /** @description Project/repository on Azure DevOps, workspace/repository on Bitbucket */
                                repository: string;
                            } | null;
                            /** @enum {string} */
                            status: "planned" | "in_progress" | "in_review" | "done";
                            work: {
                                /** @enum {string} */
                                state: "starting" | "started" | "failed";
                                branch: string | null;
                                pullRequestUrl: string | null;
                                /** @description not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there) */
                                reviewer: ("added" | "none" | "not_found" | "unlinked" | "refused") | null;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                startedAt: string;
                            } | null;
                            /** @description When Groundwork last heard from the host about the work's pull request (an event or a read) */
                            pullRequestReadAt: string | null;
                            /** Format: uuid */
                            createdBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** @description ISO 8601 date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/context-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a pull request or work item URL to feedback, an agenda item, an objective, a key result or a competency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                        /** Format: uuid */
                        targetId: string;
                        url: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                            /** Format: uuid */
                            targetId: string;
                            note: string | null;
                            /** Format: uuid */
                            linkedBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            item: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                /** @enum {string} */
                                kind: "pull_request" | "work_item";
                                url: string;
                                /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                externalKey: string;
                                hostIds: {
                                    [key: string]: string | number;
                                };
                                /** @enum {string} */
                                metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                /** @description From the last snapshot fetched from the host; null until one is */
                                details: ({
                                    /** @constant */
                                    kind: "pull_request";
                                    description: string | null;
                                    author: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    reviewers: {
                                        name: string | null;
                                        email: string | null;
                                        /** @enum {string} */
                                        verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                    }[];
                                    sourceBranch: string | null;
                                    targetBranch: string | null;
                                    repository: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    createdAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    closedAt: string | null;
                                } | {
                                    /** @constant */
                                    kind: "work_item";
                                    /** @description Bug, User Story, Task… */
                                    type: string | null;
                                    /** @description As the host stores it (Azure DevOps: HTML) */
                                    description: string | null;
                                    assignee: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    createdBy: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    area: string | null;
                                    project: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                }) | null;
                                title: string | null;
                                state: string | null;
                                authorEmail: string | null;
                                fetchedAt: string | null;
                                /** @description Members' latest comments on the item, newest first */
                                updates: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "comment";
                                    /**
                                     * Format: uuid
                                     * @description The member who wrote it, matched by email
                                     */
                                    memberId: string;
                                    authorName: string;
                                    body: string;
                                    url: string | null;
                                    /** @description ISO 8601 date-time */
                                    occurredAt: string;
                                }[];
                                /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                insight: {
                                    /** @description Strongest first */
                                    themes: {
                                        /** @enum {string} */
                                        theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                    contributions: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What it changes for users or the team, its risk and reach */
                                    impact: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /**
                                     * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                     * @enum {string}
                                     */
                                    derivedBy: "rules" | "model";
                                    derivedAt: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/context-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a pull request or work item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/context-items/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch a linked PR's or work item's metadata again now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a host changed any of the workspace's pull requests or work items: cheap to ask every few seconds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Moves whenever a host changes one of the workspace's items (a snapshot or a comment): refetch what shows them */
                            revision: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's pull requests and work items over time: what they wrote, and what is linked to their feedback and OKRs */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                                /** @description ISO 8601 date-time */
                                linkedAt: string;
                                links: {
                                    /** @enum {string} */
                                    targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                    /** Format: uuid */
                                    targetId: string;
                                    title: string;
                                }[];
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/context-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find recent pull requests and work items on the workspace's connected hosts, to attach one without pasting its link */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Newest first, at most 20 */
                            items: {
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                /** @enum {string} */
                                kind: "pull_request" | "work_item";
                                /** @description The link to attach (POST /api/context-links) */
                                url: string;
                                title: string;
                                /** @description How the host numbers it: !42 for a pull request, #17 for a work item */
                                reference: string;
                                /** @description Its repository, or a work item's project */
                                where: string | null;
                                /** @description Who opened the pull request, or to whom the work item is assigned */
                                author: string | null;
                                state: string | null;
                                /** @description ISO 8601, as the host gave it */
                                updatedAt: string | null;
                            }[];
                            /** @description Connected hosts that could not be searched just now, and why */
                            unavailable: {
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/link-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller may attach a pull request or work item to (their feedback, open 1:1 agenda items, OKRs and competencies), matching q */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                group: "Feedback" | "1:1 agendas" | "OKRs" | "Competencies";
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Background work that failed for good (dead-lettered), newest first
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                kind: string;
                                attempts: number;
                                lastError: string | null;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                /** @description ISO 8601 date-time */
                                updatedAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/dead/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a dead-lettered job again
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook deliveries the hosts made to this workspace, newest first, and what became of each (kept 30 days once applied)
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    host?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description The host it came from: ado, bitbucket */
                                host: string;
                                /** @description As the host names it: git.pullrequest.updated, pullrequest:comment_created… */
                                event: string;
                                /**
                                 * @description failed: retried until its budget ran out; see error
                                 * @enum {string}
                                 */
                                outcome: "waiting" | "applying" | "applied" | "failed";
                                attempts: number;
                                error: string | null;
                                /** @description ISO 8601 date-time */
                                receivedAt: string;
                                /** @description ISO 8601 date-time */
                                updatedAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a delivery again: after fixing what made it fail, or to read its event once more
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which hosts this workspace is connected to
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ado: {
                                connected: boolean;
                                connection: {
                                    /** Format: uuid */
                                    id: string;
                                    organization: string;
                                    url: string;
                                    name: string;
                                    services: {
                                        /** @default true */
                                        pullRequests: boolean;
                                        /** @default true */
                                        workItems: boolean;
                                        /** @default true */
                                        comments: boolean;
                                        /** @default true */
                                        statuses: boolean;
                                    };
                                    repositories: {
                                        id: string;
                                        name: string;
                                        project: string;
                                    }[];
                                    /** @enum {string} */
                                    status: "active" | "auth_failed";
                                    lastError: string | null;
                                    /**
                                     * @description A personal access token, or a sign-in with Microsoft Entra ID
                                     * @enum {string}
                                     */
                                    credential: "pat" | "entra";
                                    /** @description Who signed in with Microsoft, for an Entra credential */
                                    signedInAs: string | null;
                                    lastDeliveryAt: string | null;
                                    webhookUrl: string;
                                    /** @description The service-hook subscriptions Groundwork created in the organisation */
                                    serviceHooks: {
                                        project: string;
                                        eventType: string;
                                    }[];
                                    /** @description The service-hook events the connection's services need, as Azure DevOps names them when creating a subscription */
                                    neededServiceHooks: {
                                        eventType: string;
                                        label: string;
                                    }[];
                                    /** @description ISO 8601 date-time */
                                    createdAt: string;
                                } | null;
                                /** @description Whether this server can connect Azure DevOps by signing in with Microsoft Entra ID */
                                signInWithMicrosoft: boolean;
                            };
                            bitbucket: {
                                connected: boolean;
                                /** @description Where Bitbucket reads the Connect app's descriptor, to install it */
                                descriptorUrl: string;
                                /** @description Whether this server takes calls from Groundwork's Forge app (FORGE_APP_ID is set) */
                                forgeApp: boolean;
                                installations: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description Which of Groundwork's Bitbucket apps is installed: the Connect app or the Forge app
                                     * @enum {string}
                                     */
                                    app: "connect" | "forge";
                                    /** @description The Bitbucket workspace (its slug, or its uuid when the slug is unknown) */
                                    workspace: string;
                                    /** @enum {string} */
                                    status: "active" | "uninstalled" | "auth_failed";
                                    lastError: string | null;
                                    lastDeliveryAt: string | null;
                                    /** @description ISO 8601 date-time */
                                    installedAt: string;
                                }[];
                                tokenConnection: {
                                    /** Format: uuid */
                                    id: string;
                                    workspace: string;
                                    repositories: {
                                        slug: string;
                                        /** @description Whether Groundwork's webhook is on it */
                                        webhook: boolean;
                                    }[];
                                    /** @enum {string} */
                                    status: "active" | "auth_failed";
                                    lastError: string | null;
                                    lastDeliveryAt: string | null;
                                    webhookUrl: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-links/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which host account a link code names, before the member confirms it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            host: "ado" | "bitbucket";
                            hostName: string;
                            /** @description The Azure DevOps organisation or Bitbucket workspace */
                            scope: string;
                            /** @description The host account's email or name, when the host gives one */
                            account: string | null;
                            /** @description Who it will be linked to: the caller */
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The host accounts the caller linked to themselves */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            host: "ado" | "bitbucket";
                            hostName: string;
                            /** @description The account's name on the host, when it gave one */
                            account: string | null;
                            /** @description ISO 8601 date-time */
                            linkedAt: string;
                        }[];
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Link the host account a code names to the caller; that host's panel then acts as them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            host: "ado" | "bitbucket";
                            hostName: string;
                            /** @description The Azure DevOps organisation or Bitbucket workspace */
                            scope: string;
                            /** @description The host account's email or name, when the host gives one */
                            account: string | null;
                            /** @description Who it will be linked to: the caller */
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink one of the caller's host accounts: their activity there no longer counts as theirs */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insight-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this workspace's insights are drawn by the configured language model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The language model this Groundwork is configured with (INSIGHTS_MODEL_*); null: none */
                            model: {
                                name: string;
                                /** @description Where the model answers: the host its content goes to */
                                host: string;
                            } | null;
                            /** @description Whether this workspace's insights are drawn by that model (sending each item's title, description, file paths and commit messages to it) */
                            useModel: boolean;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Turn the language model on or off for this workspace's insights
         * @description Workspace owners only.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        useModel: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The language model this Groundwork is configured with (INSIGHTS_MODEL_*); null: none */
                            model: {
                                name: string;
                                /** @description Where the model answers: the host its content goes to */
                                host: string;
                            } | null;
                            /** @description Whether this workspace's insights are drawn by that model (sending each item's title, description, file paths and commit messages to it) */
                            useModel: boolean;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft feedback (situation, behaviour, impact) from a member's pull requests or work items; nothing is saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The member the feedback is about
                         */
                        subjectId: string;
                        contextItemIds: string[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            situation: string;
                            behaviour: string;
                            impact: string;
                            /** @description The three as one note, ready to edit */
                            body: string;
                            /** @description The items it rests on: attach them to the feedback when saving it */
                            cites: {
                                contextItemId: string;
                                title: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's work by week, month or quarter: pull requests authored and reviewed, comments, and where each is attached */
        get: {
            parameters: {
                query?: {
                    period?: "week" | "month" | "quarter";
                    periods?: number;
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: string;
                            /** @enum {string} */
                            period: "week" | "month" | "quarter";
                            /** @description Oldest first */
                            periods: {
                                /** @description ISO 8601 date-time */
                                start: string;
                                /** @description Exclusive */
                                end: string;
                                /** @description November 2026, 2026 Q4, Week of 23 Nov 2026 */
                                label: string;
                                counts: {
                                    authored: number;
                                    reviewed: number;
                                    commented: number;
                                    attached: number;
                                };
                                /** @description Themes of the work they authored, most frequent first */
                                themes: {
                                    /** @enum {string} */
                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                    count: number;
                                }[];
                                /** @description Newest first, at most 50 */
                                entries: {
                                    /**
                                     * @description attached: someone attached it to their feedback or OKRs; they did not write it
                                     * @enum {string}
                                     */
                                    kind: "authored" | "reviewed" | "commented" | "attached";
                                    /** @description When it happened on the host (a PR's close, else its last update or opening; a comment's time) */
                                    at: string;
                                    item: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        host: "ado" | "bitbucket";
                                        /** @enum {string} */
                                        kind: "pull_request" | "work_item";
                                        url: string;
                                        /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                        externalKey: string;
                                        hostIds: {
                                            [key: string]: string | number;
                                        };
                                        /** @enum {string} */
                                        metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                        /** @description From the last snapshot fetched from the host; null until one is */
                                        details: ({
                                            /** @constant */
                                            kind: "pull_request";
                                            description: string | null;
                                            author: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            reviewers: {
                                                name: string | null;
                                                email: string | null;
                                                /** @enum {string} */
                                                verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                            }[];
                                            sourceBranch: string | null;
                                            targetBranch: string | null;
                                            repository: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            createdAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            closedAt: string | null;
                                        } | {
                                            /** @constant */
                                            kind: "work_item";
                                            /** @description Bug, User Story, Task… */
                                            type: string | null;
                                            /** @description As the host stores it (Azure DevOps: HTML) */
                                            description: string | null;
                                            assignee: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            createdBy: {
                                                name: string | null;
                                                email: string | null;
                                            } | null;
                                            area: string | null;
                                            project: string | null;
                                            /** @description ISO 8601, as the host gave it */
                                            updatedAt: string | null;
                                        }) | null;
                                        title: string | null;
                                        state: string | null;
                                        authorEmail: string | null;
                                        fetchedAt: string | null;
                                        /** @description Members' latest comments on the item, newest first */
                                        updates: {
                                            /** Format: uuid */
                                            id: string;
                                            /** @enum {string} */
                                            kind: "comment";
                                            /**
                                             * Format: uuid
                                             * @description The member who wrote it, matched by email
                                             */
                                            memberId: string;
                                            authorName: string;
                                            body: string;
                                            url: string | null;
                                            /** @description ISO 8601 date-time */
                                            occurredAt: string;
                                        }[];
                                        /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                        insight: {
                                            /** @description Strongest first */
                                            themes: {
                                                /** @enum {string} */
                                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                            contributions: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /** @description What it changes for users or the team, its risk and reach */
                                            impact: {
                                                text: string;
                                                evidence: {
                                                    /** @enum {string} */
                                                    source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                    text: string;
                                                }[];
                                            }[];
                                            /**
                                             * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                             * @enum {string}
                                             */
                                            derivedBy: "rules" | "model";
                                            derivedAt: string;
                                        } | null;
                                    };
                                    /** @description Their review's verdict, for reviewed */
                                    verdict: ("approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected") | null;
                                    /** @description What they wrote, for commented */
                                    comment: {
                                        body: string;
                                        url: string | null;
                                    } | null;
                                    /** @description Where it is attached, as far as the caller may see */
                                    attachedTo: {
                                        /** @enum {string} */
                                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                        targetId: string;
                                        title: string;
                                    }[];
                                }[];
                                /** @description Their growth assignments' milestones in the period that the caller may see, newest first */
                                assignments: {
                                    /** @enum {string} */
                                    event: "agreed" | "started" | "done";
                                    /** @description ISO 8601 date-time */
                                    at: string;
                                    assignment: {
                                        id: string;
                                        /** @description GW-42 */
                                        key: string;
                                        title: string;
                                        /**
                                         * @description Where it stands now
                                         * @enum {string}
                                         */
                                        status: "planned" | "in_progress" | "in_review" | "done";
                                        pullRequestUrl: string | null;
                                    };
                                }[];
                            }[];
                            /** @description Themes across the range, with how many periods each recurs in */
                            themes: {
                                /** @enum {string} */
                                theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                count: number;
                                periods: number;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/history-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's history imports, one per repository: where each stands
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description The host's name, as items name it (ado, bitbucket) */
                                host: string;
                                /** @description The connection (or app installation) it reads through */
                                connectionId: string;
                                /** @description The repository, as the host names it (project/repository, workspace/slug) */
                                repository: string;
                                /** @enum {string} */
                                status: "queued" | "importing" | "done" | "failed" | "cancelled";
                                /** @description Pull requests created or updated since then are imported */
                                since: string;
                                /** @description Pull requests imported so far */
                                imported: number;
                                /** @description How many the host says there are, where it says (Bitbucket does, Azure DevOps does not) */
                                total: number | null;
                                /** @description Calls made to the host */
                                requests: number;
                                /** @description Pull requests imported per minute while importing */
                                perMinute: number | null;
                                /** @description What an import is busy with beyond the pull requests (their comments and work items) */
                                stage: string | null;
                                /** @description Estimated, where the total is known */
                                secondsLeft: number | null;
                                /** @description Paused for the host's rate limit until then */
                                waitingUntil: string | null;
                                error: string | null;
                                /** @description When done: the distinct authors among the imported pull requests, and how many are members */
                                summary: {
                                    authors: number;
                                    matchedAuthors: number;
                                } | null;
                                startedAt: string | null;
                                finishedAt: string | null;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import (again) the pull requests of a connection's repositories, or of one of them, from the last months
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        host: string;
                        connectionId: string;
                        /** @description One of the connection's followed repositories; all of them when omitted */
                        repository?: string;
                        /**
                         * @description How far back, in months (6 by default)
                         * @default 6
                         */
                        months?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imports: {
                                /** Format: uuid */
                                id: string;
                                /** @description The host's name, as items name it (ado, bitbucket) */
                                host: string;
                                /** @description The connection (or app installation) it reads through */
                                connectionId: string;
                                /** @description The repository, as the host names it (project/repository, workspace/slug) */
                                repository: string;
                                /** @enum {string} */
                                status: "queued" | "importing" | "done" | "failed" | "cancelled";
                                /** @description Pull requests created or updated since then are imported */
                                since: string;
                                /** @description Pull requests imported so far */
                                imported: number;
                                /** @description How many the host says there are, where it says (Bitbucket does, Azure DevOps does not) */
                                total: number | null;
                                /** @description Calls made to the host */
                                requests: number;
                                /** @description Pull requests imported per minute while importing */
                                perMinute: number | null;
                                /** @description What an import is busy with beyond the pull requests (their comments and work items) */
                                stage: string | null;
                                /** @description Estimated, where the total is known */
                                secondsLeft: number | null;
                                /** @description Paused for the host's rate limit until then */
                                waitingUntil: string | null;
                                error: string | null;
                                /** @description When done: the distinct authors among the imported pull requests, and how many are members */
                                summary: {
                                    authors: number;
                                    matchedAuthors: number;
                                } | null;
                                startedAt: string | null;
                                finishedAt: string | null;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/history-imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop an import; what it imported stays, and it can be run again
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description The host's name, as items name it (ado, bitbucket) */
                            host: string;
                            /** @description The connection (or app installation) it reads through */
                            connectionId: string;
                            /** @description The repository, as the host names it (project/repository, workspace/slug) */
                            repository: string;
                            /** @enum {string} */
                            status: "queued" | "importing" | "done" | "failed" | "cancelled";
                            /** @description Pull requests created or updated since then are imported */
                            since: string;
                            /** @description Pull requests imported so far */
                            imported: number;
                            /** @description How many the host says there are, where it says (Bitbucket does, Azure DevOps does not) */
                            total: number | null;
                            /** @description Calls made to the host */
                            requests: number;
                            /** @description Pull requests imported per minute while importing */
                            perMinute: number | null;
                            /** @description What an import is busy with beyond the pull requests (their comments and work items) */
                            stage: string | null;
                            /** @description Estimated, where the total is known */
                            secondsLeft: number | null;
                            /** @description Paused for the host's rate limit until then */
                            waitingUntil: string | null;
                            error: string | null;
                            /** @description When done: the distinct authors among the imported pull requests, and how many are members */
                            summary: {
                                authors: number;
                                matchedAuthors: number;
                            } | null;
                            startedAt: string | null;
                            finishedAt: string | null;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test an Azure DevOps organisation URL with a personal access token or a sign-in with Microsoft, without saving them
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgUrl: string;
                        pat?: string;
                        /**
                         * Format: uuid
                         * @description A finished sign-in with Microsoft (POST /api/integrations/ado/entra/start), instead of a PAT
                         */
                        signInId?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: string;
                            url: string;
                            user: string | null;
                            projects: {
                                id: string;
                                name: string;
                                repositories: {
                                    id: string;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect (or reconnect with a new credential) an Azure DevOps organisation; returns the webhook secret once
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgUrl: string;
                        pat?: string;
                        /**
                         * Format: uuid
                         * @description A finished sign-in with Microsoft (POST /api/integrations/ado/entra/start), instead of a PAT
                         */
                        signInId?: string;
                        name?: string;
                        /** @description Repositories to link; all when omitted */
                        repositoryIds?: string[];
                        services?: {
                            /** @default true */
                            pullRequests?: boolean;
                            /** @default true */
                            workItems?: boolean;
                            /** @default true */
                            comments?: boolean;
                            /** @default true */
                            statuses?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection: {
                                /** Format: uuid */
                                id: string;
                                organization: string;
                                url: string;
                                name: string;
                                services: {
                                    /** @default true */
                                    pullRequests: boolean;
                                    /** @default true */
                                    workItems: boolean;
                                    /** @default true */
                                    comments: boolean;
                                    /** @default true */
                                    statuses: boolean;
                                };
                                repositories: {
                                    id: string;
                                    name: string;
                                    project: string;
                                }[];
                                /** @enum {string} */
                                status: "active" | "auth_failed";
                                lastError: string | null;
                                /**
                                 * @description A personal access token, or a sign-in with Microsoft Entra ID
                                 * @enum {string}
                                 */
                                credential: "pat" | "entra";
                                /** @description Who signed in with Microsoft, for an Entra credential */
                                signedInAs: string | null;
                                lastDeliveryAt: string | null;
                                webhookUrl: string;
                                /** @description The service-hook subscriptions Groundwork created in the organisation */
                                serviceHooks: {
                                    project: string;
                                    eventType: string;
                                }[];
                                /** @description The service-hook events the connection's services need, as Azure DevOps names them when creating a subscription */
                                neededServiceHooks: {
                                    eventType: string;
                                    label: string;
                                }[];
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                            };
                            /** @description The new webhook secret, shown once; null on a reconnect, which keeps the existing secret */
                            webhook: {
                                webhookUrl: string;
                                /** @description Shown once: use it as the Basic auth password of the service hooks */
                                webhookSecret: string;
                                warning?: string;
                            } | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Disconnect: delete the credentials and stop all calls; linked items keep their last snapshot
         * @description Workspace owners only.
         */
        delete: {
            parameters: {
                query?: {
                    deleteServiceHooks?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the service hooks' secret; the old one stops working at once
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhookUrl: string;
                            /** @description Shown once: use it as the Basic auth password of the service hooks */
                            webhookSecret: string;
                            warning?: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/service-hooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the service-hook subscriptions for every linked project (needs a Project Collection Administrator's token)
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            /** @description Already delivering to this webhook URL: left as they are */
                            existing: number;
                            failed: {
                                project: string;
                                eventType: string;
                                message: string;
                            }[];
                            /** @description What happened, and what to do if anything failed */
                            message: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch every linked pull request and work item of the organisation again now
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queued: number;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/entra/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start connecting Azure DevOps by signing in with Microsoft: where to send the browser
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Microsoft's sign-in page: send the browser there */
                            authorizeUrl: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/entra/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Microsoft sends the browser back after sign-in (the app registration's redirect URI); then Integrations shows the organisations
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/ado/entra/sign-ins/{signInId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A finished sign-in with Microsoft: who signed in and the Azure DevOps organisations they belong to
         * @description Workspace owners only.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    signInId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            account: string;
                            organizations: {
                                name: string;
                                url: string;
                            }[];
                            /** @description ISO 8601 date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the settings hub: whether this organisation is connected to a Groundwork workspace, and its service-hook health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: string;
                            connected: boolean;
                            workspace: {
                                name: string;
                                integrationsUrl: string;
                            } | null;
                            status: ("active" | "auth_failed") | null;
                            lastError: string | null;
                            lastDeliveryAt: string | null;
                            /** @description Azure DevOps work that failed for good (dead-lettered) */
                            failedJobs: number;
                            /** @description Service hooks Groundwork created */
                            serviceHooks: number;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/pull-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the PR panel: where this pull request is attached */
        get: {
            parameters: {
                query: {
                    project: string;
                    repository: string;
                    pullRequestId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                name: string;
                                url: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            pullRequestUrl: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                                targetTitle: string;
                            }[];
                            /** @description What Groundwork drew from the PR, once it is attached and fetched */
                            insight: {
                                /** @description Strongest first */
                                themes: {
                                    /** @enum {string} */
                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                contributions: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What it changes for users or the team, its risk and reach */
                                impact: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /**
                                 * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                 * @enum {string}
                                 */
                                derivedBy: "rules" | "model";
                                derivedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/account-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start linking this Azure DevOps account to a Groundwork member: returns a page for the member to confirm it on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open while logged in to Groundwork to confirm the link */
                            linkUrl: string;
                            /** @description ISO 8601 date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/link-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller may attach a pull request or work item to (their feedback, open 1:1 agenda items, OKRs and competencies), matching q */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                group: "Feedback" | "1:1 agendas" | "OKRs" | "Competencies";
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/context-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a pull request or work item URL to feedback, an agenda item, an objective, a key result or a competency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                        /** Format: uuid */
                        targetId: string;
                        url: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                            /** Format: uuid */
                            targetId: string;
                            note: string | null;
                            /** Format: uuid */
                            linkedBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            item: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                /** @enum {string} */
                                kind: "pull_request" | "work_item";
                                url: string;
                                /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                externalKey: string;
                                hostIds: {
                                    [key: string]: string | number;
                                };
                                /** @enum {string} */
                                metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                /** @description From the last snapshot fetched from the host; null until one is */
                                details: ({
                                    /** @constant */
                                    kind: "pull_request";
                                    description: string | null;
                                    author: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    reviewers: {
                                        name: string | null;
                                        email: string | null;
                                        /** @enum {string} */
                                        verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                    }[];
                                    sourceBranch: string | null;
                                    targetBranch: string | null;
                                    repository: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    createdAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    closedAt: string | null;
                                } | {
                                    /** @constant */
                                    kind: "work_item";
                                    /** @description Bug, User Story, Task… */
                                    type: string | null;
                                    /** @description As the host stores it (Azure DevOps: HTML) */
                                    description: string | null;
                                    assignee: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    createdBy: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    area: string | null;
                                    project: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                }) | null;
                                title: string | null;
                                state: string | null;
                                authorEmail: string | null;
                                fetchedAt: string | null;
                                /** @description Members' latest comments on the item, newest first */
                                updates: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "comment";
                                    /**
                                     * Format: uuid
                                     * @description The member who wrote it, matched by email
                                     */
                                    memberId: string;
                                    authorName: string;
                                    body: string;
                                    url: string | null;
                                    /** @description ISO 8601 date-time */
                                    occurredAt: string;
                                }[];
                                /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                insight: {
                                    /** @description Strongest first */
                                    themes: {
                                        /** @enum {string} */
                                        theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                    contributions: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What it changes for users or the team, its risk and reach */
                                    impact: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /**
                                     * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                     * @enum {string}
                                     */
                                    derivedBy: "rules" | "model";
                                    derivedAt: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ext/ado/context-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a pull request or work item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/bind/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which Bitbucket workspace a configure-page link names, before an owner connects it
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: string;
                            alreadyBoundHere: boolean;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect a Bitbucket workspace where the app is installed to this Groundwork workspace (a configure-page link works once)
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: string;
                            alreadyBoundHere: boolean;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/installations/{installationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release a Bitbucket workspace from this Groundwork workspace: its events stop counting here, and it may be connected elsewhere
         * @description Workspace owners only.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    installationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/token/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test a Bitbucket workspace or repository access token without saving it
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workspace: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: string;
                            repositories: {
                                slug: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect a Bitbucket workspace with an access token: creates signed webhooks on its repositories and posts build statuses
         * @description Workspace owners only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workspace: string;
                        token: string;
                        /** @description Repository slugs to follow; all when omitted */
                        repositories?: string[];
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            workspace: string;
                            repositories: {
                                slug: string;
                                /** @description Whether Groundwork's webhook is on it */
                                webhook: boolean;
                            }[];
                            /** @enum {string} */
                            status: "active" | "auth_failed";
                            lastError: string | null;
                            lastDeliveryAt: string | null;
                            webhookUrl: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Disconnect the token: deletes the webhooks Groundwork created (when the token still can) and the token
         * @description Workspace owners only.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/account-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the caller can link their Bitbucket account by signing in to Bitbucket, and the account they linked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The Bitbucket workspace the access token connects */
                            workspace: string | null;
                            available: boolean;
                            /** @description Why it is not available, and what to do instead */
                            reason: string | null;
                            linked: {
                                /** Format: uuid */
                                id: string;
                                account: string | null;
                            } | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start linking the caller's Bitbucket account: where to send the browser to sign in to Bitbucket */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Bitbucket's consent page: send the browser there */
                            authorizeUrl: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/bitbucket/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where Bitbucket sends the browser back after sign-in (the OAuth consumer's callback URL): links the account, then shows the profile */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/api/pull-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the Bitbucket PR panel: where this pull request is attached */
        get: {
            parameters: {
                query: {
                    repository: string;
                    pullrequest: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                name: string;
                                url: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            pullRequestUrl: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                                targetTitle: string;
                            }[];
                            /** @description What Groundwork drew from the PR, once it is attached and fetched */
                            insight: {
                                /** @description Strongest first */
                                themes: {
                                    /** @enum {string} */
                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                contributions: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What it changes for users or the team, its risk and reach */
                                impact: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /**
                                 * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                 * @enum {string}
                                 */
                                derivedBy: "rules" | "model";
                                derivedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/api/account-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start linking this Bitbucket account to a Groundwork member: returns a page for the member to confirm it on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open while logged in to Groundwork to confirm the link */
                            linkUrl: string;
                            /** @description ISO 8601 date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/api/link-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller may attach a pull request or work item to (their feedback, open 1:1 agenda items, OKRs and competencies), matching q */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                group: "Feedback" | "1:1 agendas" | "OKRs" | "Competencies";
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/api/context-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a pull request or work item URL to feedback, an agenda item, an objective, a key result or a competency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                        /** Format: uuid */
                        targetId: string;
                        url: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                            /** Format: uuid */
                            targetId: string;
                            note: string | null;
                            /** Format: uuid */
                            linkedBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            item: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                /** @enum {string} */
                                kind: "pull_request" | "work_item";
                                url: string;
                                /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                externalKey: string;
                                hostIds: {
                                    [key: string]: string | number;
                                };
                                /** @enum {string} */
                                metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                /** @description From the last snapshot fetched from the host; null until one is */
                                details: ({
                                    /** @constant */
                                    kind: "pull_request";
                                    description: string | null;
                                    author: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    reviewers: {
                                        name: string | null;
                                        email: string | null;
                                        /** @enum {string} */
                                        verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                    }[];
                                    sourceBranch: string | null;
                                    targetBranch: string | null;
                                    repository: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    createdAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    closedAt: string | null;
                                } | {
                                    /** @constant */
                                    kind: "work_item";
                                    /** @description Bug, User Story, Task… */
                                    type: string | null;
                                    /** @description As the host stores it (Azure DevOps: HTML) */
                                    description: string | null;
                                    assignee: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    createdBy: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    area: string | null;
                                    project: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                }) | null;
                                title: string | null;
                                state: string | null;
                                authorEmail: string | null;
                                fetchedAt: string | null;
                                /** @description Members' latest comments on the item, newest first */
                                updates: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "comment";
                                    /**
                                     * Format: uuid
                                     * @description The member who wrote it, matched by email
                                     */
                                    memberId: string;
                                    authorName: string;
                                    body: string;
                                    url: string | null;
                                    /** @description ISO 8601 date-time */
                                    occurredAt: string;
                                }[];
                                /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                insight: {
                                    /** @description Strongest first */
                                    themes: {
                                        /** @enum {string} */
                                        theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                    contributions: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What it changes for users or the team, its risk and reach */
                                    impact: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /**
                                     * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                     * @enum {string}
                                     */
                                    derivedBy: "rules" | "model";
                                    derivedAt: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/api/context-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a pull request or work item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/forge/api/pull-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the Forge app's pull request card: where the pull request it is on is attached */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                name: string;
                                url: string;
                            };
                            member: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            pullRequestUrl: string;
                            links: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                targetId: string;
                                note: string | null;
                                /** Format: uuid */
                                linkedBy: string;
                                /** @description ISO 8601 date-time */
                                createdAt: string;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    host: "ado" | "bitbucket";
                                    /** @enum {string} */
                                    kind: "pull_request" | "work_item";
                                    url: string;
                                    /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                    externalKey: string;
                                    hostIds: {
                                        [key: string]: string | number;
                                    };
                                    /** @enum {string} */
                                    metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                    /** @description From the last snapshot fetched from the host; null until one is */
                                    details: ({
                                        /** @constant */
                                        kind: "pull_request";
                                        description: string | null;
                                        author: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        reviewers: {
                                            name: string | null;
                                            email: string | null;
                                            /** @enum {string} */
                                            verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                        }[];
                                        sourceBranch: string | null;
                                        targetBranch: string | null;
                                        repository: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        createdAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        closedAt: string | null;
                                    } | {
                                        /** @constant */
                                        kind: "work_item";
                                        /** @description Bug, User Story, Task… */
                                        type: string | null;
                                        /** @description As the host stores it (Azure DevOps: HTML) */
                                        description: string | null;
                                        assignee: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        createdBy: {
                                            name: string | null;
                                            email: string | null;
                                        } | null;
                                        area: string | null;
                                        project: string | null;
                                        /** @description ISO 8601, as the host gave it */
                                        updatedAt: string | null;
                                    }) | null;
                                    title: string | null;
                                    state: string | null;
                                    authorEmail: string | null;
                                    fetchedAt: string | null;
                                    /** @description Members' latest comments on the item, newest first */
                                    updates: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "comment";
                                        /**
                                         * Format: uuid
                                         * @description The member who wrote it, matched by email
                                         */
                                        memberId: string;
                                        authorName: string;
                                        body: string;
                                        url: string | null;
                                        /** @description ISO 8601 date-time */
                                        occurredAt: string;
                                    }[];
                                    /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                    insight: {
                                        /** @description Strongest first */
                                        themes: {
                                            /** @enum {string} */
                                            theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                        contributions: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /** @description What it changes for users or the team, its risk and reach */
                                        impact: {
                                            text: string;
                                            evidence: {
                                                /** @enum {string} */
                                                source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                                text: string;
                                            }[];
                                        }[];
                                        /**
                                         * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                         * @enum {string}
                                         */
                                        derivedBy: "rules" | "model";
                                        derivedAt: string;
                                    } | null;
                                };
                                targetTitle: string;
                            }[];
                            /** @description What Groundwork drew from the PR, once it is attached and fetched */
                            insight: {
                                /** @description Strongest first */
                                themes: {
                                    /** @enum {string} */
                                    theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                contributions: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /** @description What it changes for users or the team, its risk and reach */
                                impact: {
                                    text: string;
                                    evidence: {
                                        /** @enum {string} */
                                        source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                        text: string;
                                    }[];
                                }[];
                                /**
                                 * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                 * @enum {string}
                                 */
                                derivedBy: "rules" | "model";
                                derivedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/forge/api/account-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start linking this Bitbucket account to a Groundwork member: returns a page for the member to confirm it on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Open while logged in to Groundwork to confirm the link */
                            linkUrl: string;
                            /** @description ISO 8601 date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/forge/api/link-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller may attach a pull request or work item to (their feedback, open 1:1 agenda items, OKRs and competencies), matching q */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                group: "Feedback" | "1:1 agendas" | "OKRs" | "Competencies";
                            }[];
                            /** @description Pass as cursor to read the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/forge/api/context-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a pull request or work item URL to feedback, an agenda item, an objective, a key result or a competency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                        /** Format: uuid */
                        targetId: string;
                        url: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
                            /** Format: uuid */
                            targetId: string;
                            note: string | null;
                            /** Format: uuid */
                            linkedBy: string;
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            item: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                host: "ado" | "bitbucket";
                                /** @enum {string} */
                                kind: "pull_request" | "work_item";
                                url: string;
                                /** @description Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id} */
                                externalKey: string;
                                hostIds: {
                                    [key: string]: string | number;
                                };
                                /** @enum {string} */
                                metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
                                /** @description From the last snapshot fetched from the host; null until one is */
                                details: ({
                                    /** @constant */
                                    kind: "pull_request";
                                    description: string | null;
                                    author: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    reviewers: {
                                        name: string | null;
                                        email: string | null;
                                        /** @enum {string} */
                                        verdict: "approved" | "approved_with_suggestions" | "no_vote" | "waiting_for_author" | "changes_requested" | "rejected";
                                    }[];
                                    sourceBranch: string | null;
                                    targetBranch: string | null;
                                    repository: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    createdAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    closedAt: string | null;
                                } | {
                                    /** @constant */
                                    kind: "work_item";
                                    /** @description Bug, User Story, Task… */
                                    type: string | null;
                                    /** @description As the host stores it (Azure DevOps: HTML) */
                                    description: string | null;
                                    assignee: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    createdBy: {
                                        name: string | null;
                                        email: string | null;
                                    } | null;
                                    area: string | null;
                                    project: string | null;
                                    /** @description ISO 8601, as the host gave it */
                                    updatedAt: string | null;
                                }) | null;
                                title: string | null;
                                state: string | null;
                                authorEmail: string | null;
                                fetchedAt: string | null;
                                /** @description Members' latest comments on the item, newest first */
                                updates: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "comment";
                                    /**
                                     * Format: uuid
                                     * @description The member who wrote it, matched by email
                                     */
                                    memberId: string;
                                    authorName: string;
                                    body: string;
                                    url: string | null;
                                    /** @description ISO 8601 date-time */
                                    occurredAt: string;
                                }[];
                                /** @description Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched) */
                                insight: {
                                    /** @description Strongest first */
                                    themes: {
                                        /** @enum {string} */
                                        theme: "reliability" | "performance" | "security" | "testing" | "refactoring" | "documentation" | "ux" | "bug_fix" | "feature" | "infrastructure";
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What the author did: scope, areas, size, tests, linked work, reviews */
                                    contributions: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /** @description What it changes for users or the team, its risk and reach */
                                    impact: {
                                        text: string;
                                        evidence: {
                                            /** @enum {string} */
                                            source: "title" | "description" | "commit" | "file" | "size" | "review" | "branch" | "state";
                                            text: string;
                                        }[];
                                    }[];
                                    /**
                                     * @description rules: Groundwork's own extractor; model: the language model the operator configured
                                     * @enum {string}
                                     */
                                    derivedBy: "rules" | "model";
                                    derivedAt: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bitbucket/forge/api/context-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a pull request or work item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                field?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
