// Generated from the server's OpenAPI document by `npm run gen:api`. Do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: database kind, migration version, uptime */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            database: "pglite" | "postgres";
                            migration: string | null;
                            uptimeSeconds: number;
                            version: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/home/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of what exists under my node, contributed by each module */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            place: {
                                code: string;
                                name: string;
                            };
                            stats: {
                                key: string;
                                label: string;
                                value: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the session cookie and returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "username": "admin",
                     *       "password": "Louyuan@2026"
                     *     }
                     */
                    "application/json": {
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                username: string;
                                displayName: string;
                                /**
                                 * @description Account role
                                 * @enum {unknown}
                                 */
                                role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                                place: {
                                    code: string;
                                    name: string;
                                    kind: string;
                                };
                                department: {
                                    code: string;
                                    name: string;
                                } | null;
                                mustChangePassword: boolean;
                                disabled: boolean;
                                lockedUntil: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            /** @description Send as x-csrf-token on every state-changing request */
                            csrfToken: string;
                            /** @description What the role may do at all */
                            capabilities: ("places.read" | "places.write" | "grids.read" | "grids.staff" | "grids.write" | "residents.read" | "residents.write" | "residents.reveal" | "residents.sensitive" | "residents.import" | "cases.read" | "cases.report" | "cases.dispatch" | "cases.handle" | "cases.verify" | "cases.supervise" | "cases.configure" | "cases.import" | "dashboard.read" | "users.read" | "users.create" | "users.update" | "users.security" | "audit.read")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                username: string;
                                displayName: string;
                                /**
                                 * @description Account role
                                 * @enum {unknown}
                                 */
                                role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                                place: {
                                    code: string;
                                    name: string;
                                    kind: string;
                                };
                                department: {
                                    code: string;
                                    name: string;
                                } | null;
                                mustChangePassword: boolean;
                                disabled: boolean;
                                lockedUntil: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            /** @description Send as x-csrf-token on every state-changing request */
                            csrfToken: string;
                            /** @description What the role may do at all */
                            capabilities: ("places.read" | "places.write" | "grids.read" | "grids.staff" | "grids.write" | "residents.read" | "residents.write" | "residents.reveal" | "residents.sensitive" | "residents.import" | "cases.read" | "cases.report" | "cases.dispatch" | "cases.handle" | "cases.verify" | "cases.supervise" | "cases.configure" | "cases.import" | "dashboard.read" | "users.read" | "users.create" | "users.update" | "users.security" | "audit.read")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (ends my other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "currentPassword": "Louyuan@2026",
                     *       "newPassword": "Another#2026"
                     *     }
                     */
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My personal API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            prefix: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            expiresAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a personal API token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "12345 热线对接",
                     *       "expiresInDays": 90
                     *     }
                     */
                    "application/json": {
                        /** @description Not blank */
                        name: string;
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            apiToken: {
                                id: number;
                                name: string;
                                prefix: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the place tree (name, pinyin, initials, code) within my subtree */
        get: {
            parameters: {
                query?: {
                    /** @description Name, pinyin, pinyin initials or code prefix */
                    q?: string;
                    kind?: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    within?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                                parentCode: string | null;
                                depth: number;
                                address: string | null;
                                lng: number | null;
                                lat: number | null;
                                managementType: ("professional" | "self_managed" | "unmanaged") | null;
                                childCount: number;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a node under a parent (code assigned when omitted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "parentCode": "410103001001",
                     *       "kind": "compound",
                     *       "name": "示例小区",
                     *       "address": "郑州市二七区示例路1号",
                     *       "lng": 113.62,
                     *       "lat": 34.72,
                     *       "managementType": "unmanaged"
                     *     }
                     */
                    "application/json": {
                        /** @description Digits: GB/T 2260 district code + 3 per level */
                        parentCode: string;
                        /** @enum {unknown} */
                        kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                        /** @description Digits: GB/T 2260 district code + 3 per level */
                        code?: string;
                        name: string;
                        address?: string | null;
                        lng?: number | null;
                        lat?: number | null;
                        managementType?: ("professional" | "self_managed" | "unmanaged") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            /** @enum {unknown} */
                            kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            parentCode: string | null;
                            depth: number;
                            address: string | null;
                            lng: number | null;
                            lat: number | null;
                            managementType: ("professional" | "self_managed" | "unmanaged") | null;
                            childCount: number;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            /** @description From the top of what the reader may see down to the parent */
                            ancestors: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            }[];
                            /** @description Number of descendants by kind */
                            descendantCounts: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/places/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The place list (same filters as the search, every match) as an .xlsx download */
        get: {
            parameters: {
                query?: {
                    /** @description Name, pinyin, pinyin initials or code prefix */
                    q?: string;
                    kind?: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    within?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/places/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One node with its ancestors and counts of descendants by kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            /** @enum {unknown} */
                            kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            parentCode: string | null;
                            depth: number;
                            address: string | null;
                            lng: number | null;
                            lat: number | null;
                            managementType: ("professional" | "self_managed" | "unmanaged") | null;
                            childCount: number;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            /** @description From the top of what the reader may see down to the parent */
                            ancestors: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            }[];
                            /** @description Number of descendants by kind */
                            descendantCounts: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a node that has no children and no bound accounts */
        delete: {
            parameters: {
                query: {
                    version: number;
                };
                header?: never;
                path: {
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a node (optimistic: send the version you read) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "version": 1,
                     *       "name": "示例小区（更名）"
                     *     }
                     */
                    "application/json": {
                        /** @description The version you read; a stale one answers 409 */
                        version: number;
                        /** @description Digits: GB/T 2260 district code + 3 per level */
                        code?: string;
                        name?: string;
                        address?: string | null;
                        lng?: number | null;
                        lat?: number | null;
                        managementType?: ("professional" | "self_managed" | "unmanaged") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            /** @enum {unknown} */
                            kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            parentCode: string | null;
                            depth: number;
                            address: string | null;
                            lng: number | null;
                            lat: number | null;
                            managementType: ("professional" | "self_managed" | "unmanaged") | null;
                            childCount: number;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            /** @description From the top of what the reader may see down to the parent */
                            ancestors: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            }[];
                            /** @description Number of descendants by kind */
                            descendantCounts: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/places/{code}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Children of a node, paged, each with its child count (lazy tree) */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                                parentCode: string | null;
                                depth: number;
                                address: string | null;
                                lng: number | null;
                                lat: number | null;
                                managementType: ("professional" | "self_managed" | "unmanaged") | null;
                                childCount: number;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/places/{code}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a node (and its subtree) under another parent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Digits: GB/T 2260 district code + 3 per level */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "version": 1,
                     *       "newParentCode": "410103001002"
                     *     }
                     */
                    "application/json": {
                        version: number;
                        /** @description Digits: GB/T 2260 district code + 3 per level */
                        newParentCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            /** @enum {unknown} */
                            kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            parentCode: string | null;
                            depth: number;
                            address: string | null;
                            lng: number | null;
                            lat: number | null;
                            managementType: ("professional" | "self_managed" | "unmanaged") | null;
                            childCount: number;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            allowedActions: ("view" | "update" | "createChild" | "move" | "delete")[];
                            /** @description From the top of what the reader may see down to the parent */
                            ancestors: {
                                code: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "district" | "street" | "town" | "park" | "community" | "village" | "compound" | "building";
                            }[];
                            /** @description Number of descendants by kind */
                            descendantCounts: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grids within my subtree, by level, kind, name or code */
        get: {
            parameters: {
                query?: {
                    /** @description Name or code prefix */
                    q?: string;
                    level?: number;
                    kind?: "base" | "specialised" | "economic" | "kinship";
                    /** @description A place code: grids of that subtree */
                    within?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                                parentCode: string | null;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                leadUnit: string | null;
                                areaM2: number;
                                households: number;
                                /** @description [minLng, minLat, maxLng, maxLat] */
                                bbox: number[];
                                childCount: number;
                                version: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/geojson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grids as GeoJSON for the map (within my subtree), by level and kind */
        get: {
            parameters: {
                query?: {
                    level?: number;
                    kind?: "base" | "specialised" | "economic" | "kinship";
                    /** @description A place code: grids of that subtree */
                    within?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: {
                                    /** @enum {unknown} */
                                    type: "Polygon" | "MultiPolygon";
                                    coordinates: unknown[];
                                };
                                properties: {
                                    code: string;
                                    name: string;
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                    parentCode: string | null;
                                    households: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage check: gaps, overlaps, grids outside parent or district, invalid polygons, household counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Grids per kind/level that the reader may see */
                            counts: {
                                [key: string]: number;
                            };
                            byType: {
                                [key: string]: number;
                            };
                            /** @description Gaps, overlaps, outside and invalid: the map itself is wrong */
                            geometryFindings: number;
                            findings: {
                                /** @enum {unknown} */
                                type: "gap" | "overlap" | "outside_parent" | "outside_district" | "invalid_polygon" | "households_out_of_range";
                                grids: string[];
                                areaM2: number;
                                location: number[];
                                detail: string;
                            }[];
                            ms: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/locate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The micro-grid holding a point, its chain up to level 1, and the overlay grids there */
        get: {
            parameters: {
                query: {
                    lng: number;
                    lat: number;
                    /** @description Phones in China report GCJ-02 */
                    crs?: "wgs84" | "gcj02";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description WGS-84 longitude used */
                            lng: number;
                            lat: number;
                            microGrid: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            } | null;
                            /** @description From the micro-grid up to level 1 */
                            chain: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            }[];
                            overlays: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            }[];
                            compound: {
                                code: string;
                                name: string;
                            } | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Locate up to 1,000 points at once; each answers a result or an error code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "crs": "wgs84",
                     *       "points": [
                     *         {
                     *           "lng": 113.62,
                     *           "lat": 34.72
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Phones in China report GCJ-02
                         * @default wgs84
                         * @enum {unknown}
                         */
                        crs?: "wgs84" | "gcj02";
                        points: {
                            lng: number;
                            lat: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: ({
                                /** @description WGS-84 longitude used */
                                lng: number;
                                lat: number;
                                microGrid: {
                                    code: string;
                                    name: string;
                                    /** @description 1, 2, 3, or 4 for a micro-grid */
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                } | null;
                                /** @description From the micro-grid up to level 1 */
                                chain: {
                                    code: string;
                                    name: string;
                                    /** @description 1, 2, 3, or 4 for a micro-grid */
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                }[];
                                overlays: {
                                    code: string;
                                    name: string;
                                    /** @description 1, 2, 3, or 4 for a micro-grid */
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                }[];
                                compound: {
                                    code: string;
                                    name: string;
                                } | null;
                            } | {
                                lng: number;
                                lat: number;
                                error: string;
                            })[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grid adjustments within my subtree, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Adjustments touching this grid */
                    code?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {unknown} */
                                kind: "split" | "merge" | "redraw" | "import";
                                reason: string;
                                actorName: string;
                                /** Format: date-time */
                                at: string;
                                parentCode: string | null;
                                codes: string[];
                                details: {
                                    [key: string]: unknown;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Split, merge or redraw sibling leaf grids (versioned, households follow); dryRun previews findings and moves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "kind": "redraw",
                     *       "reason": "边界调整",
                     *       "codes": [
                     *         "41010300200100101"
                     *       ],
                     *       "geometries": [
                     *         {
                     *           "type": "Polygon",
                     *           "coordinates": [
                     *             [
                     *               [
                     *                 113.6,
                     *                 34.7
                     *               ],
                     *               [
                     *                 113.601,
                     *                 34.7
                     *               ],
                     *               [
                     *                 113.601,
                     *                 34.701
                     *               ],
                     *               [
                     *                 113.6,
                     *                 34.701
                     *               ],
                     *               [
                     *                 113.6,
                     *                 34.7
                     *               ]
                     *             ]
                     *           ]
                     *         }
                     *       ],
                     *       "dryRun": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        kind: "split" | "merge" | "redraw";
                        /** @description Why (required, audited) */
                        reason: string;
                        /** @description split: the one grid; merge: the siblings; redraw: the grids, in the order of geometries */
                        codes: string[];
                        /** @description split: the new grids; merge: the merged grid or none (the union); redraw: one per code */
                        geometries: ({
                            /** @enum {string} */
                            type: "Polygon";
                            coordinates: number[][][];
                        } | {
                            /** @enum {string} */
                            type: "MultiPolygon";
                            coordinates: number[][][][];
                        })[];
                        /** @description split: names of the new grids; merge/redraw: new names, by position */
                        names?: string[];
                        /** @description Check and preview (findings, households moving) without writing */
                        dryRun?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            /** @description No coverage finding: the adjustment is (or would be) applied */
                            ok: boolean;
                            adjustmentId: number | null;
                            findings: {
                                type: string;
                                grids: string[];
                                areaM2: number;
                                location: number[];
                                detail: string;
                            }[];
                            retired: string[];
                            created: {
                                code: string;
                                name: string;
                            }[];
                            updated: string[];
                            moves: {
                                total: number;
                                /** @description The first 200 households that move */
                                items: {
                                    householdId: number;
                                    address: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grids of my subtree as a GeoJSON FeatureCollection or an ESRI Shapefile zip, by level and kind */
        get: {
            parameters: {
                query?: {
                    /** @description geojson: a FeatureCollection; shapefile: an ESRI Shapefile zip (application/zip) */
                    format?: "geojson" | "shapefile";
                    level?: number;
                    kind?: "base" | "specialised" | "economic" | "kinship";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: {
                                    /** @enum {unknown} */
                                    type: "Polygon" | "MultiPolygon";
                                    coordinates: unknown[];
                                };
                                properties: {
                                    code: string;
                                    name: string;
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                    parentCode: string | null;
                                    households: number;
                                    leadUnit: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a GeoJSON FeatureCollection as one versioned adjustment: redraw known leaf grids, add new ones; dryRun checks only */
        post: {
            parameters: {
                query?: {
                    /** @description Check only: findings and households moving */
                    dryRun?: boolean;
                    /** @description Why (recorded with the adjustment) */
                    reason?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "FeatureCollection",
                     *       "features": [
                     *         {
                     *           "type": "Feature",
                     *           "properties": {
                     *             "code": "41010300200100101",
                     *             "name": "示例网格"
                     *           },
                     *           "geometry": {
                     *             "type": "Polygon",
                     *             "coordinates": [
                     *               [
                     *                 [
                     *                   113.65693,
                     *                   34.744535
                     *                 ],
                     *                 [
                     *                   113.657849,
                     *                   34.744535
                     *                 ],
                     *                 [
                     *                   113.657849,
                     *                   34.745718
                     *                 ],
                     *                 [
                     *                   113.65693,
                     *                   34.745718
                     *                 ],
                     *                 [
                     *                   113.65693,
                     *                   34.744535
                     *                 ]
                     *               ]
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        type: "FeatureCollection";
                        /** @description Features with a Polygon/MultiPolygon and properties.code (known code: redraw; new code: parentCode too) */
                        features: unknown[];
                        name?: string;
                        crs?: unknown;
                        bbox?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            ok: boolean;
                            adjustmentId: number | null;
                            features: number;
                            /** @description Features equal to the stored grid, left alone */
                            unchanged: number;
                            findings: {
                                featureIndex: number | null;
                                code: string | null;
                                type: string;
                                reason: string;
                                location: number[] | null;
                            }[];
                            updated: string[];
                            created: {
                                code: string;
                                name: string;
                            }[];
                            moves: {
                                total: number;
                                /** @description The first 200 households that move */
                                items: {
                                    householdId: number;
                                    address: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/import/shapefile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an ESRI Shapefile zip (base64) like a GeoJSON file; dryRun checks only */
        post: {
            parameters: {
                query?: {
                    /** @description Check only: findings and households moving */
                    dryRun?: boolean;
                    /** @description Why (recorded with the adjustment) */
                    reason?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "zip": "UEsDBAoAAAAIAIO0el00E+F6SAAAAOwAAAAJAAAAZ3JpZHMuc2hwY2BQ52LADspeMDMwsAIZOwsUVLizYhyk7jq+8Yl3dDDR3WgkBeS/Y/m9vhjIx6EfGTACsQMxZoEUskI14VKLSy9MPTofph4AUEsDBAoAAAAIAIO0el3DRFQDNgAAAGwAAAAJAAAAZ3JpZHMuc2h4Y2BQ52LADsxeMDMwsAIZOwsUVLizYhyk7jq+8Yl3dDDR3WgkBeS/Y/m9vhjIx6EfGRgBsQMAUEsDBAoAAAAIAIO0el2PBVEPOwAAAF8CAAAJAAAAZ3JpZHMuZGJmY67jlmJkYGBIZPgLojBAcn5KKpTpDCL+ocnnJebiledVMDE0MDQwNjAwMgDSQGSoMJKA+8jyLhqQAgBQSwMECgAAAAgAg7R6XePBUWp5AAAAjwAAAAkAAABncmlkcy5wcmpzd/V3dw6OVgIS8eHuwfGGlhYmSjoujiGhvtFKLkhCwQEerkH+ni7RSggxM2NzC0Njcx0jSws9I1NzIyNjUzPj2FidgCBPX1egfvei1NS88szkDCUdg1idUD/PEKCZqelAUaCAnoGhuYmpsZGlkamhpaUJkGEaGwsAUEsBAhQACgAAAAgAg7R6XTQT4XpIAAAA7AAAAAkAAAAAAAAAAAAAAAAAAAAAAGdyaWRzLnNocFBLAQIUAAoAAAAIAIO0el3DRFQDNgAAAGwAAAAJAAAAAAAAAAAAAAAAAG8AAABncmlkcy5zaHhQSwECFAAKAAAACACDtHpdjwVRDzsAAABfAgAACQAAAAAAAAAAAAAAAADMAAAAZ3JpZHMuZGJmUEsBAhQACgAAAAgAg7R6XePBUWp5AAAAjwAAAAkAAAAAAAAAAAAAAAAALgEAAGdyaWRzLnByalBLBQYAAAAABAAEANwAAADOAQAAAAA="
                     *     }
                     */
                    "application/json": {
                        /** @description The Shapefile zip (.shp, .shx, .dbf, optionally .prj/.cpg), base64 */
                        zip: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            ok: boolean;
                            adjustmentId: number | null;
                            features: number;
                            /** @description Features equal to the stored grid, left alone */
                            unchanged: number;
                            findings: {
                                featureIndex: number | null;
                                code: string | null;
                                type: string;
                                reason: string;
                                location: number[] | null;
                            }[];
                            updated: string[];
                            created: {
                                code: string;
                                name: string;
                            }[];
                            moves: {
                                total: number;
                                /** @description The first 200 households that move */
                                items: {
                                    householdId: number;
                                    address: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/{code}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a grid (also a retired one): who changed it, when and why */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            level: number;
                            /** @enum {unknown} */
                            kind: "base" | "specialised" | "economic" | "kinship";
                            retiredAt: string | null;
                            versions: {
                                version: number;
                                name: string;
                                households: number;
                                /** Format: date-time */
                                validFrom: string;
                                validTo: string | null;
                                current: boolean;
                                madeBy: {
                                    id: number;
                                    kind: string;
                                    reason: string;
                                    actorName: string;
                                    /** Format: date-time */
                                    at?: string;
                                } | null;
                                endedBy: {
                                    id: number;
                                    kind: string;
                                    reason: string;
                                    actorName: string;
                                    /** Format: date-time */
                                    at?: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/{code}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a grid as a GeoJSON Feature */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "Feature";
                            geometry: {
                                /** @enum {unknown} */
                                type: "Polygon" | "MultiPolygon";
                                coordinates: unknown[];
                            };
                            properties: {
                                code: string;
                                name: string;
                                version: number;
                                households: number;
                                /** Format: date-time */
                                validFrom: string;
                                validTo: string | null;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grid with its polygon and the chain above it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            level: number;
                            /** @enum {unknown} */
                            kind: "base" | "specialised" | "economic" | "kinship";
                            parentCode: string | null;
                            place: {
                                code: string;
                                name: string;
                            };
                            leadUnit: string | null;
                            areaM2: number;
                            households: number;
                            /** @description [minLng, minLat, maxLng, maxLat] */
                            bbox: number[];
                            childCount: number;
                            version: number;
                            /** @description Ancestors the reader may see, from the parent upwards */
                            chain: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            }[];
                            /** @description WGS-84 GeoJSON geometry */
                            geometry: {
                                /** @enum {unknown} */
                                type: "Polygon" | "MultiPolygon";
                                coordinates: unknown[];
                            };
                            /** @description What the reader may do to this grid */
                            allowedActions: ("adjust" | "assignStaff")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/{code}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Children of a grid, paged */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                                parentCode: string | null;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                leadUnit: string | null;
                                areaM2: number;
                                households: number;
                                /** @description [minLng, minLat, maxLng, maxLat] */
                                bbox: number[];
                                childCount: number;
                                version: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Residents within my subtree (masked), searched by name, initials, ID, phone or address */
        get: {
            parameters: {
                query?: {
                    /** @description name (prefix), pinyin initials, a full ID number or phone (exact, by keyed hash), or the masked forms 410103********1234 / 138****8000 */
                    q?: string;
                    /** @description part of the household address */
                    address?: string;
                    /** @description place or grid code */
                    within?: string;
                    /** @description place or grid code */
                    grid?: string;
                    tag?: "elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction";
                    residenceType?: "registered" | "migrant" | "foreign";
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                gender: ("male" | "female") | null;
                                age: number | null;
                                idNumberMasked: string | null;
                                phoneMasked: string | null;
                                /** @enum {unknown} */
                                relation: "head" | "member" | "tenant";
                                /** @enum {unknown} */
                                residenceType: "registered" | "migrant" | "foreign";
                                tags: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                                household: {
                                    id: number;
                                    address: string;
                                    unit: string | null;
                                    room: string | null;
                                };
                                place: {
                                    code: string;
                                    name: string;
                                };
                                grid: {
                                    code: string;
                                    name: string;
                                } | null;
                                version: number;
                                allowedActions: ("update" | "reveal")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a resident in a household (found or created by place, unit and room) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "placeCode": "410103001001001001",
                     *       "unit": "1单元",
                     *       "room": "502",
                     *       "relation": "head",
                     *       "name": "王建国",
                     *       "idNumber": "410103195803121233",
                     *       "phone": "13803711234",
                     *       "residenceType": "registered",
                     *       "tags": [
                     *         "party_member"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description place or grid code */
                        placeCode: string;
                        unit?: string | null;
                        room?: string | null;
                        address?: string | null;
                        /** @enum {unknown} */
                        housing?: "owned" | "rented" | "public" | "other";
                        /** @enum {unknown} */
                        relation: "head" | "member" | "tenant";
                        name: string;
                        idNumber?: string | null;
                        phone?: string | null;
                        /** @enum {unknown} */
                        residenceType: "registered" | "migrant" | "foreign";
                        tags?: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            gender: ("male" | "female") | null;
                            age: number | null;
                            idNumberMasked: string | null;
                            phoneMasked: string | null;
                            /** @enum {unknown} */
                            relation: "head" | "member" | "tenant";
                            /** @enum {unknown} */
                            residenceType: "registered" | "migrant" | "foreign";
                            tags: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                            household: {
                                id: number;
                                address: string;
                                unit: string | null;
                                room: string | null;
                            };
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            version: number;
                            allowedActions: ("update" | "reveal")[];
                            note: string | null;
                            housemates: {
                                id: number;
                                name: string;
                                /** @enum {unknown} */
                                relation: "head" | "member" | "tenant";
                                age: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resident list (same filters, every match) as an .xlsx download, numbers masked */
        get: {
            parameters: {
                query?: {
                    /** @description name (prefix), pinyin initials, a full ID number or phone (exact, by keyed hash), or the masked forms 410103********1234 / 138****8000 */
                    q?: string;
                    /** @description part of the household address */
                    address?: string;
                    /** @description place or grid code */
                    within?: string;
                    /** @description place or grid code */
                    grid?: string;
                    tag?: "elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction";
                    residenceType?: "registered" | "migrant" | "foreign";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resident (masked) with the other members of the household */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            gender: ("male" | "female") | null;
                            age: number | null;
                            idNumberMasked: string | null;
                            phoneMasked: string | null;
                            /** @enum {unknown} */
                            relation: "head" | "member" | "tenant";
                            /** @enum {unknown} */
                            residenceType: "registered" | "migrant" | "foreign";
                            tags: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                            household: {
                                id: number;
                                address: string;
                                unit: string | null;
                                room: string | null;
                            };
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            version: number;
                            allowedActions: ("update" | "reveal")[];
                            note: string | null;
                            housemates: {
                                id: number;
                                name: string;
                                /** @enum {unknown} */
                                relation: "head" | "member" | "tenant";
                                age: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a resident’s name, phone, relation, residence type, tags or note */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "version": 1,
                     *       "phone": "13903712345",
                     *       "tags": [
                     *         "elderly_alone"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        version: number;
                        name?: string;
                        phone?: string | null;
                        /** @enum {unknown} */
                        relation?: "head" | "member" | "tenant";
                        /** @enum {unknown} */
                        residenceType?: "registered" | "migrant" | "foreign";
                        tags?: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            gender: ("male" | "female") | null;
                            age: number | null;
                            idNumberMasked: string | null;
                            phoneMasked: string | null;
                            /** @enum {unknown} */
                            relation: "head" | "member" | "tenant";
                            /** @enum {unknown} */
                            residenceType: "registered" | "migrant" | "foreign";
                            tags: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                            household: {
                                id: number;
                                address: string;
                                unit: string | null;
                                room: string | null;
                            };
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            version: number;
                            allowedActions: ("update" | "reveal")[];
                            note: string | null;
                            housemates: {
                                id: number;
                                name: string;
                                /** @enum {unknown} */
                                relation: "head" | "member" | "tenant";
                                age: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/residents/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show one resident’s full ID number or phone (audited with the reason given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "field": "phone",
                     *       "reason": "入户走访联系"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        field: "idNumber" | "phone";
                        /** @description why the full value is needed (kept in the audit trail) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            field: "idNumber" | "phone";
                            value: string | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Households within my subtree, by place, grid or address */
        get: {
            parameters: {
                query?: {
                    /** @description part of the address */
                    address?: string;
                    /** @description place or grid code */
                    within?: string;
                    /** @description place or grid code */
                    grid?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                address: string;
                                unit: string | null;
                                room: string | null;
                                /** @enum {unknown} */
                                housing: "owned" | "rented" | "public" | "other";
                                members: number;
                                head: string | null;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                grid: {
                                    code: string;
                                    name: string;
                                } | null;
                                version: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One household with its residents (masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            address: string;
                            unit: string | null;
                            room: string | null;
                            /** @enum {unknown} */
                            housing: "owned" | "rented" | "public" | "other";
                            members: number;
                            head: string | null;
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            version: number;
                            residents: {
                                id: number;
                                name: string;
                                gender: ("male" | "female") | null;
                                age: number | null;
                                idNumberMasked: string | null;
                                phoneMasked: string | null;
                                /** @enum {unknown} */
                                relation: "head" | "member" | "tenant";
                                /** @enum {unknown} */
                                residenceType: "registered" | "migrant" | "foreign";
                                tags: ("elderly_alone" | "elderly_80" | "left_behind_child" | "disability" | "chronic_illness" | "low_income" | "party_member" | "veteran" | "five_elders" | "volunteer" | "key_group" | "community_correction")[];
                                household: {
                                    id: number;
                                    address: string;
                                    unit: string | null;
                                    room: string | null;
                                };
                                place: {
                                    code: string;
                                    name: string;
                                };
                                grid: {
                                    code: string;
                                    name: string;
                                } | null;
                                version: number;
                                allowedActions: ("update" | "reveal")[];
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grids/{code}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid's staff: workers, leader, specialised team (current, or with ended assignments) */
        get: {
            parameters: {
                query?: {
                    includeEnded?: boolean;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The assignment */
                                id: number;
                                /** @description The person */
                                staffId: number;
                                name: string;
                                phoneMasked: string | null;
                                username: string | null;
                                grid: {
                                    code: string;
                                    name: string;
                                    /** @description 1, 2, 3, or 4 for a micro-grid */
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                };
                                place: {
                                    code: string;
                                    name: string;
                                };
                                /**
                                 * @description worker (网格员), leader (网格长), specialist (专属网格力量)
                                 * @enum {unknown}
                                 */
                                role: "worker" | "leader" | "specialist";
                                /** @enum {unknown} */
                                agency: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                                duties: ("info_collection" | "policy_publicity" | "dispute_mediation" | "safety_patrol" | "convenience_service" | "opinion_collection")[];
                                startedOn: string;
                                endedOn: string | null;
                                allowedActions: "end"[];
                            }[];
                            /** @description What the reader may do on this grid */
                            allowedActions: "assign"[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Assign a new or an existing person to a grid (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "王建华",
                     *       "phone": "13937100001",
                     *       "role": "worker",
                     *       "agency": "community",
                     *       "duties": [
                     *         "info_collection",
                     *         "policy_publicity"
                     *       ],
                     *       "startedOn": "2026-01-05"
                     *     }
                     */
                    "application/json": {
                        /** @description An existing person; otherwise name (and phone) make a new one */
                        staffId?: number;
                        name?: string;
                        /** @description Mobile or landline; stored encrypted */
                        phone?: string;
                        /** @description Link a grid-worker account (in your subtree) to the person */
                        username?: string;
                        /**
                         * @description worker (网格员), leader (网格长), specialist (专属网格力量)
                         * @enum {unknown}
                         */
                        role: "worker" | "leader" | "specialist";
                        /** @enum {unknown} */
                        agency?: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                        /** @description Default: all six for a worker, none otherwise */
                        duties?: ("info_collection" | "policy_publicity" | "dispute_mediation" | "safety_patrol" | "convenience_service" | "opinion_collection")[];
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startedOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The assignment */
                            id: number;
                            /** @description The person */
                            staffId: number;
                            name: string;
                            phoneMasked: string | null;
                            username: string | null;
                            grid: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            };
                            place: {
                                code: string;
                                name: string;
                            };
                            /**
                             * @description worker (网格员), leader (网格长), specialist (专属网格力量)
                             * @enum {unknown}
                             */
                            role: "worker" | "leader" | "specialist";
                            /** @enum {unknown} */
                            agency: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                            duties: ("info_collection" | "policy_publicity" | "dispute_mediation" | "safety_patrol" | "convenience_service" | "opinion_collection")[];
                            startedOn: string;
                            endedOn: string | null;
                            allowedActions: "end"[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grid-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff assignments on grids within my subtree: search by name, initials or phone; filters */
        get: {
            parameters: {
                query?: {
                    /** @description Name, pinyin initials, or a full phone number */
                    q?: string;
                    /** @description A grid code: staff of that grid and below */
                    grid?: string;
                    /** @description worker (网格员), leader (网格长), specialist (专属网格力量) */
                    role?: "worker" | "leader" | "specialist";
                    agency?: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                    /** @description A place code: staff on grids of that subtree */
                    within?: string;
                    includeEnded?: boolean;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The assignment */
                                id: number;
                                /** @description The person */
                                staffId: number;
                                name: string;
                                phoneMasked: string | null;
                                username: string | null;
                                grid: {
                                    code: string;
                                    name: string;
                                    /** @description 1, 2, 3, or 4 for a micro-grid */
                                    level: number;
                                    /** @enum {unknown} */
                                    kind: "base" | "specialised" | "economic" | "kinship";
                                };
                                place: {
                                    code: string;
                                    name: string;
                                };
                                /**
                                 * @description worker (网格员), leader (网格长), specialist (专属网格力量)
                                 * @enum {unknown}
                                 */
                                role: "worker" | "leader" | "specialist";
                                /** @enum {unknown} */
                                agency: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                                duties: ("info_collection" | "policy_publicity" | "dispute_mediation" | "safety_patrol" | "convenience_service" | "opinion_collection")[];
                                startedOn: string;
                                endedOn: string | null;
                                allowedActions: "end"[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grid-staff/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grids without a current worker (or leader), by level, with counts per community */
        get: {
            parameters: {
                query?: {
                    /** @description 4 = micro-grids */
                    level?: number;
                    kind?: "base" | "specialised" | "economic" | "kinship";
                    /** @description List grids without a current … */
                    role?: "worker" | "leader" | "specialist";
                    /** @description A place code: grids of that subtree */
                    within?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                                parentCode: string | null;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                households: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            /** @description Gaps per place (the community for levels 2–4), all pages, most first */
                            byPlace: {
                                code: string;
                                name: string;
                                gaps: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/grid-staff/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an assignment: the person leaves the grid (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description An assignment */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "endedOn": "2026-06-30",
                     *       "reason": "工作调动"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        endedOn?: string;
                        /** @description Kept in the audit trail */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The assignment */
                            id: number;
                            /** @description The person */
                            staffId: number;
                            name: string;
                            phoneMasked: string | null;
                            username: string | null;
                            grid: {
                                code: string;
                                name: string;
                                /** @description 1, 2, 3, or 4 for a micro-grid */
                                level: number;
                                /** @enum {unknown} */
                                kind: "base" | "specialised" | "economic" | "kinship";
                            };
                            place: {
                                code: string;
                                name: string;
                            };
                            /**
                             * @description worker (网格员), leader (网格长), specialist (专属网格力量)
                             * @enum {unknown}
                             */
                            role: "worker" | "leader" | "specialist";
                            /** @enum {unknown} */
                            agency: "community" | "police" | "urban_management" | "patrol" | "mall_security" | "management_committee";
                            duties: ("info_collection" | "policy_publicity" | "dispute_mediation" | "safety_patrol" | "convenience_service" | "opinion_collection")[];
                            startedOn: string;
                            endedOn: string | null;
                            allowedActions: "end"[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an .xlsx or .csv (UTF-8 or GBK) of residents as multipart/form-data (field "file", at most 30 MiB); validation starts at once, poll the job for progress and findings */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fileName: string;
                            /** @enum {unknown} */
                            status: "validating" | "validated" | "importing" | "done" | "failed" | "expired";
                            phase: ("reading" | "checking" | "writing") | null;
                            /** @description Rows read, checked or written so far in the current phase */
                            processed: number;
                            total: number | null;
                            totalRows: number;
                            validRows: number;
                            invalidRows: number;
                            findingCount: number;
                            findings: {
                                items: {
                                    /** @description Row number as Excel shows it (the first line of the file is row 1) */
                                    row: number;
                                    /** @description The column header as the file spells it */
                                    column: string;
                                    /** @enum {unknown} */
                                    reason: "required" | "too_long" | "id_format" | "id_region" | "id_birth_date" | "id_check_digit" | "id_required" | "phone_format" | "phone_extension" | "bad_choice" | "bad_date" | "birth_date_mismatch" | "gender_mismatch" | "unknown_tag" | "building_required" | "building_not_found" | "building_ambiguous" | "id_digits_lost" | "id_duplicate_in_file" | "id_registered";
                                    /** @description The reason in the request language */
                                    message: string;
                                    /** @description The offending value, masked when it is personal data */
                                    value?: string;
                                }[];
                                /** @description Findings held (all while the job is live, else the first 1000) */
                                total: number;
                                page: number;
                                pageSize: number;
                            };
                            mode: ("all_or_nothing" | "valid_only") | null;
                            result: {
                                residentsInserted: number;
                                householdsCreated: number;
                                /** @description Valid rows registered by someone else since the check */
                                skipped: number;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import job: status, progress, counts, findings (paged) and the result */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fileName: string;
                            /** @enum {unknown} */
                            status: "validating" | "validated" | "importing" | "done" | "failed" | "expired";
                            phase: ("reading" | "checking" | "writing") | null;
                            /** @description Rows read, checked or written so far in the current phase */
                            processed: number;
                            total: number | null;
                            totalRows: number;
                            validRows: number;
                            invalidRows: number;
                            findingCount: number;
                            findings: {
                                items: {
                                    /** @description Row number as Excel shows it (the first line of the file is row 1) */
                                    row: number;
                                    /** @description The column header as the file spells it */
                                    column: string;
                                    /** @enum {unknown} */
                                    reason: "required" | "too_long" | "id_format" | "id_region" | "id_birth_date" | "id_check_digit" | "id_required" | "phone_format" | "phone_extension" | "bad_choice" | "bad_date" | "birth_date_mismatch" | "gender_mismatch" | "unknown_tag" | "building_required" | "building_not_found" | "building_ambiguous" | "id_digits_lost" | "id_duplicate_in_file" | "id_registered";
                                    /** @description The reason in the request language */
                                    message: string;
                                    /** @description The offending value, masked when it is personal data */
                                    value?: string;
                                }[];
                                /** @description Findings held (all while the job is live, else the first 1000) */
                                total: number;
                                page: number;
                                pageSize: number;
                            };
                            mode: ("all_or_nothing" | "valid_only") | null;
                            result: {
                                residentsInserted: number;
                                householdsCreated: number;
                                /** @description Valid rows registered by someone else since the check */
                                skipped: number;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a validated import: all or nothing, or the valid rows only (one audited transaction) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "mode": "valid_only"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description all_or_nothing: only a file without findings, all rows or none; valid_only: the valid rows
                         * @enum {unknown}
                         */
                        mode: "all_or_nothing" | "valid_only";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fileName: string;
                            /** @enum {unknown} */
                            status: "validating" | "validated" | "importing" | "done" | "failed" | "expired";
                            phase: ("reading" | "checking" | "writing") | null;
                            /** @description Rows read, checked or written so far in the current phase */
                            processed: number;
                            total: number | null;
                            totalRows: number;
                            validRows: number;
                            invalidRows: number;
                            findingCount: number;
                            findings: {
                                items: {
                                    /** @description Row number as Excel shows it (the first line of the file is row 1) */
                                    row: number;
                                    /** @description The column header as the file spells it */
                                    column: string;
                                    /** @enum {unknown} */
                                    reason: "required" | "too_long" | "id_format" | "id_region" | "id_birth_date" | "id_check_digit" | "id_required" | "phone_format" | "phone_extension" | "bad_choice" | "bad_date" | "birth_date_mismatch" | "gender_mismatch" | "unknown_tag" | "building_required" | "building_not_found" | "building_ambiguous" | "id_digits_lost" | "id_duplicate_in_file" | "id_registered";
                                    /** @description The reason in the request language */
                                    message: string;
                                    /** @description The offending value, masked when it is personal data */
                                    value?: string;
                                }[];
                                /** @description Findings held (all while the job is live, else the first 1000) */
                                total: number;
                                page: number;
                                pageSize: number;
                            };
                            mode: ("all_or_nothing" | "valid_only") | null;
                            result: {
                                residentsInserted: number;
                                householdsCreated: number;
                                /** @description Valid rows registered by someone else since the check */
                                skipped: number;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/residents/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The import template (.xlsx): the resident columns, an example row, my buildings and the tag names */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases I may see, newest first, filtered by status, category, place, grid, period or text */
        get: {
            parameters: {
                query?: {
                    /** @description case number, hotline number, or text */
                    q?: string;
                    status?: ("reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged")[];
                    category?: string;
                    /** @description place code */
                    within?: string;
                    /** @description grid code */
                    grid?: string;
                    from?: string;
                    to?: string;
                    overdue?: boolean;
                    supervised?: boolean;
                    /** @description only cases I (my unit, my department) handle now */
                    mine?: boolean;
                    channel?: "console" | "grid_app" | "resident_app" | "hotline" | "open311";
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description the case number: local date + sequence */
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                statusLabel: string;
                                category: {
                                    code: string;
                                    name: string;
                                };
                                description: string;
                                address: string;
                                lng: number;
                                lat: number;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                grid: {
                                    code: string;
                                    name: string;
                                } | null;
                                /** @enum {unknown} */
                                channel: "console" | "grid_app" | "resident_app" | "hotline" | "open311";
                                /** @enum {unknown} */
                                level: "grid" | "community" | "street" | "district";
                                handler: {
                                    /** @enum {unknown} */
                                    kind: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                                    name: string | null;
                                } | null;
                                urgent: boolean;
                                supervised: boolean;
                                onTheSpot: boolean;
                                pendingRequest: ("extension" | "deferral") | null;
                                reporter: {
                                    name: string | null;
                                    phoneMasked: string | null;
                                } | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                reportedAt: string;
                                acceptedAt: string | null;
                                dispatchedAt: string | null;
                                handledAt: string | null;
                                closedAt: string | null;
                                deadlines: {
                                    accept: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                    dispatch: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                    handle: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                };
                                current: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                counts: {
                                    returned: number;
                                    rework: number;
                                    escalation: number;
                                    extension: number;
                                };
                                handledOnTime: boolean | null;
                                closedOnTime: boolean | null;
                                closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                                rejectionReason: string | null;
                                rating: number | null;
                                ratingReasons: string[];
                                ratingComment: string | null;
                                mergedInto: number | null;
                                version: number;
                                allowedActions: ("accept" | "reject" | "dispatch" | "whistle" | "start" | "return" | "handle" | "verify" | "fail_verification" | "close" | "rate" | "confirm" | "not_fixed" | "escalate" | "request_extension" | "grant_extension" | "deny_extension" | "request_deferral" | "approve_deferral" | "deny_deferral" | "resume" | "supervise" | "reopen" | "merge" | "comment")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** File a case (console or grid worker’s phone); located to its grid; likely duplicates returned */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "categoryCode": "1001",
                     *       "description": "3号楼2单元有人从五楼窗口拉电线给电动车充电",
                     *       "lng": 113.61,
                     *       "lat": 34.73,
                     *       "channel": "console"
                     *     }
                     */
                    "application/json": {
                        categoryCode: string;
                        description: string;
                        lng: number;
                        lat: number;
                        /** @enum {unknown} */
                        crs?: "wgs84" | "gcj02";
                        address?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        urgent?: boolean;
                        /** @description grid workers: fixing it now, dispatched to myself */
                        onTheSpot?: boolean;
                        reporterName?: string;
                        reporterPhone?: string;
                        /** @enum {unknown} */
                        channel?: "console" | "grid_app";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: number;
                                /** @description the case number: local date + sequence */
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                statusLabel: string;
                                category: {
                                    code: string;
                                    name: string;
                                };
                                description: string;
                                address: string;
                                lng: number;
                                lat: number;
                                place: {
                                    code: string;
                                    name: string;
                                };
                                grid: {
                                    code: string;
                                    name: string;
                                } | null;
                                /** @enum {unknown} */
                                channel: "console" | "grid_app" | "resident_app" | "hotline" | "open311";
                                /** @enum {unknown} */
                                level: "grid" | "community" | "street" | "district";
                                handler: {
                                    /** @enum {unknown} */
                                    kind: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                                    name: string | null;
                                } | null;
                                urgent: boolean;
                                supervised: boolean;
                                onTheSpot: boolean;
                                pendingRequest: ("extension" | "deferral") | null;
                                reporter: {
                                    name: string | null;
                                    phoneMasked: string | null;
                                } | null;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                reportedAt: string;
                                acceptedAt: string | null;
                                dispatchedAt: string | null;
                                handledAt: string | null;
                                closedAt: string | null;
                                deadlines: {
                                    accept: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                    dispatch: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                    handle: {
                                        /** Format: date-time */
                                        dueAt: string;
                                        /** @enum {unknown} */
                                        state: "ok" | "warning" | "overdue";
                                    } | null;
                                };
                                current: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                counts: {
                                    returned: number;
                                    rework: number;
                                    escalation: number;
                                    extension: number;
                                };
                                handledOnTime: boolean | null;
                                closedOnTime: boolean | null;
                                closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                                rejectionReason: string | null;
                                rating: number | null;
                                ratingReasons: string[];
                                ratingComment: string | null;
                                mergedInto: number | null;
                                version: number;
                                allowedActions: ("accept" | "reject" | "dispatch" | "whistle" | "start" | "return" | "handle" | "verify" | "fail_verification" | "close" | "rate" | "confirm" | "not_fixed" | "escalate" | "request_extension" | "grant_extension" | "deny_extension" | "request_deferral" | "approve_deferral" | "deny_deferral" | "resume" | "supervise" | "reopen" | "merge" | "comment")[];
                            };
                            publicToken: string;
                            duplicates: {
                                id: number;
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                /** Format: date-time */
                                reportedAt: string;
                                description: string;
                                distanceM: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its timeline, photos and likely duplicates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the case number: local date + sequence */
                            code: string;
                            /** @enum {unknown} */
                            status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                            statusLabel: string;
                            category: {
                                code: string;
                                name: string;
                            };
                            description: string;
                            address: string;
                            lng: number;
                            lat: number;
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            /** @enum {unknown} */
                            channel: "console" | "grid_app" | "resident_app" | "hotline" | "open311";
                            /** @enum {unknown} */
                            level: "grid" | "community" | "street" | "district";
                            handler: {
                                /** @enum {unknown} */
                                kind: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                                name: string | null;
                            } | null;
                            urgent: boolean;
                            supervised: boolean;
                            onTheSpot: boolean;
                            pendingRequest: ("extension" | "deferral") | null;
                            reporter: {
                                name: string | null;
                                phoneMasked: string | null;
                            } | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            reportedAt: string;
                            acceptedAt: string | null;
                            dispatchedAt: string | null;
                            handledAt: string | null;
                            closedAt: string | null;
                            deadlines: {
                                accept: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                dispatch: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                handle: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                            };
                            current: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @enum {unknown} */
                                state: "ok" | "warning" | "overdue";
                            } | null;
                            counts: {
                                returned: number;
                                rework: number;
                                escalation: number;
                                extension: number;
                            };
                            handledOnTime: boolean | null;
                            closedOnTime: boolean | null;
                            closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                            rejectionReason: string | null;
                            rating: number | null;
                            ratingReasons: string[];
                            ratingComment: string | null;
                            mergedInto: number | null;
                            version: number;
                            allowedActions: ("accept" | "reject" | "dispatch" | "whistle" | "start" | "return" | "handle" | "verify" | "fail_verification" | "close" | "rate" | "confirm" | "not_fixed" | "escalate" | "request_extension" | "grant_extension" | "deny_extension" | "request_deferral" | "approve_deferral" | "deny_deferral" | "resume" | "supervise" | "reopen" | "merge" | "comment")[];
                            timeline: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                actorName: string;
                                actorRole: string | null;
                                action: string;
                                fromStatus: string | null;
                                toStatus: string | null;
                                note: string | null;
                                public: boolean;
                                details: {
                                    [key: string]: unknown;
                                };
                                photoIds: number[];
                            }[];
                            photos: {
                                id: number;
                                /** @enum {unknown} */
                                stage: "before" | "after" | "update";
                                eventId: number | null;
                                width: number;
                                height: number;
                                lng: number | null;
                                lat: number | null;
                                url: string;
                                thumbUrl: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            duplicates: {
                                id: number;
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                /** Format: date-time */
                                reportedAt: string;
                                description: string;
                                distanceM: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases of the same category nearby and recent: candidates to merge */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                /** Format: date-time */
                                reportedAt: string;
                                description: string;
                                distanceM: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}/reporter-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter’s full phone number for a callback (audited with the reason given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "reason": "结案回访"
                     *     }
                     */
                    "application/json": {
                        /** @description why the full number is needed, e.g. a callback (kept in the audit trail) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            phone: string | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take one workflow step (accept, dispatch, handle, verify, close, rate, escalate, …)
         * @description An illegal step for the case’s state is 409 ILLEGAL_TRANSITION; a stale `version` is 409 VERSION_CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "action": "dispatch",
                     *       "version": 2,
                     *       "handler": {
                     *         "kind": "grid_worker"
                     *       },
                     *       "note": "请网格员现场处置"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        action: "accept" | "reject" | "dispatch" | "whistle" | "start" | "return" | "handle" | "verify" | "fail_verification" | "close" | "rate" | "confirm" | "not_fixed" | "escalate" | "request_extension" | "grant_extension" | "deny_extension" | "request_deferral" | "approve_deferral" | "deny_deferral" | "resume" | "supervise" | "reopen" | "merge" | "comment";
                        version: number;
                        note?: string;
                        handler?: {
                            /** @enum {unknown} */
                            kind: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                            userId?: number;
                            departmentCode?: string;
                        };
                        departments?: string[];
                        lead?: string;
                        /** @enum {unknown} */
                        closureReason?: "fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate";
                        rating?: number;
                        ratingReasons?: ("fast" | "thorough" | "polite" | "slow" | "not_fixed" | "rude" | "no_contact")[];
                        extension?: {
                            limit: number;
                            /** @enum {unknown} */
                            unit: "hours" | "days";
                        };
                        mergeInto?: string;
                        public?: boolean;
                        photoIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the case number: local date + sequence */
                            code: string;
                            /** @enum {unknown} */
                            status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                            statusLabel: string;
                            category: {
                                code: string;
                                name: string;
                            };
                            description: string;
                            address: string;
                            lng: number;
                            lat: number;
                            place: {
                                code: string;
                                name: string;
                            };
                            grid: {
                                code: string;
                                name: string;
                            } | null;
                            /** @enum {unknown} */
                            channel: "console" | "grid_app" | "resident_app" | "hotline" | "open311";
                            /** @enum {unknown} */
                            level: "grid" | "community" | "street" | "district";
                            handler: {
                                /** @enum {unknown} */
                                kind: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                                name: string | null;
                            } | null;
                            urgent: boolean;
                            supervised: boolean;
                            onTheSpot: boolean;
                            pendingRequest: ("extension" | "deferral") | null;
                            reporter: {
                                name: string | null;
                                phoneMasked: string | null;
                            } | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            reportedAt: string;
                            acceptedAt: string | null;
                            dispatchedAt: string | null;
                            handledAt: string | null;
                            closedAt: string | null;
                            deadlines: {
                                accept: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                dispatch: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                                handle: {
                                    /** Format: date-time */
                                    dueAt: string;
                                    /** @enum {unknown} */
                                    state: "ok" | "warning" | "overdue";
                                } | null;
                            };
                            current: {
                                /** Format: date-time */
                                dueAt: string;
                                /** @enum {unknown} */
                                state: "ok" | "warning" | "overdue";
                            } | null;
                            counts: {
                                returned: number;
                                rework: number;
                                escalation: number;
                                extension: number;
                            };
                            handledOnTime: boolean | null;
                            closedOnTime: boolean | null;
                            closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                            rejectionReason: string | null;
                            rating: number | null;
                            ratingReasons: string[];
                            ratingComment: string | null;
                            mergedInto: number | null;
                            version: number;
                            allowedActions: ("accept" | "reject" | "dispatch" | "whistle" | "start" | "return" | "handle" | "verify" | "fail_verification" | "close" | "rate" | "confirm" | "not_fixed" | "escalate" | "request_extension" | "grant_extension" | "deny_extension" | "request_deferral" | "approve_deferral" | "deny_deferral" | "resume" | "supervise" | "reopen" | "merge" | "comment")[];
                            timeline: {
                                id: number;
                                /** Format: date-time */
                                at: string;
                                actorName: string;
                                actorRole: string | null;
                                action: string;
                                fromStatus: string | null;
                                toStatus: string | null;
                                note: string | null;
                                public: boolean;
                                details: {
                                    [key: string]: unknown;
                                };
                                photoIds: number[];
                            }[];
                            photos: {
                                id: number;
                                /** @enum {unknown} */
                                stage: "before" | "after" | "update";
                                eventId: number | null;
                                width: number;
                                height: number;
                                lng: number | null;
                                lat: number | null;
                                url: string;
                                thumbUrl: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            duplicates: {
                                id: number;
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                /** Format: date-time */
                                reportedAt: string;
                                description: string;
                                distanceM: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/case-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The category catalogue (major and minor classes) with standards, limits and handlers */
        get: {
            parameters: {
                query?: {
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                parentCode: string | null;
                                name: string;
                                nameEn: string;
                                kind: ("event" | "component" | "local") | null;
                                openingStandard: string;
                                closingStandard: string;
                                acceptLimit: number;
                                /** @enum {unknown} */
                                acceptUnit: "hours" | "days";
                                dispatchLimit: number;
                                /** @enum {unknown} */
                                dispatchUnit: "hours" | "days";
                                handleLimit: number;
                                /** @enum {unknown} */
                                handleUnit: "hours" | "days";
                                /** @enum {unknown} */
                                defaultHandler: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                                defaultDepartment: string | null;
                                photoBefore: boolean;
                                photoAfter: boolean;
                                escalateWhenOverdue: boolean;
                                published: boolean;
                                keywords: string[];
                                attributes: {
                                    [key: string]: unknown;
                                }[];
                                active: boolean;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a minor category under a major class */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "1007",
                     *       "name": "高空抛物",
                     *       "kind": "local",
                     *       "acceptLimit": 1,
                     *       "acceptUnit": "hours",
                     *       "dispatchLimit": 1,
                     *       "dispatchUnit": "hours",
                     *       "handleLimit": 1,
                     *       "handleUnit": "days",
                     *       "defaultHandler": "community",
                     *       "photoBefore": true,
                     *       "photoAfter": false
                     *     }
                     */
                    "application/json": {
                        code: string;
                        name: string;
                        nameEn?: string;
                        /** @enum {unknown} */
                        kind: "event" | "component" | "local";
                        openingStandard?: string;
                        closingStandard?: string;
                        acceptLimit: number;
                        /** @enum {unknown} */
                        acceptUnit: "hours" | "days";
                        dispatchLimit: number;
                        /** @enum {unknown} */
                        dispatchUnit: "hours" | "days";
                        handleLimit: number;
                        /** @enum {unknown} */
                        handleUnit: "hours" | "days";
                        /** @enum {unknown} */
                        defaultHandler: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                        defaultDepartment?: string | null;
                        photoBefore: boolean;
                        photoAfter: boolean;
                        escalateWhenOverdue?: boolean;
                        published?: boolean;
                        keywords?: string[];
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            parentCode: string | null;
                            name: string;
                            nameEn: string;
                            kind: ("event" | "component" | "local") | null;
                            openingStandard: string;
                            closingStandard: string;
                            acceptLimit: number;
                            /** @enum {unknown} */
                            acceptUnit: "hours" | "days";
                            dispatchLimit: number;
                            /** @enum {unknown} */
                            dispatchUnit: "hours" | "days";
                            handleLimit: number;
                            /** @enum {unknown} */
                            handleUnit: "hours" | "days";
                            /** @enum {unknown} */
                            defaultHandler: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                            defaultDepartment: string | null;
                            photoBefore: boolean;
                            photoAfter: boolean;
                            escalateWhenOverdue: boolean;
                            published: boolean;
                            keywords: string[];
                            attributes: {
                                [key: string]: unknown;
                            }[];
                            active: boolean;
                            version: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/case-categories/{code}": {
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
        /** Change a category’s standards, limits, handler, evidence or retire it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "version": 1,
                     *       "handleLimit": 2,
                     *       "handleUnit": "days"
                     *     }
                     */
                    "application/json": {
                        version: number;
                        name?: string;
                        nameEn?: string;
                        /** @enum {unknown} */
                        kind?: "event" | "component" | "local";
                        openingStandard?: string;
                        closingStandard?: string;
                        acceptLimit?: number;
                        /** @enum {unknown} */
                        acceptUnit?: "hours" | "days";
                        dispatchLimit?: number;
                        /** @enum {unknown} */
                        dispatchUnit?: "hours" | "days";
                        handleLimit?: number;
                        /** @enum {unknown} */
                        handleUnit?: "hours" | "days";
                        /** @enum {unknown} */
                        defaultHandler?: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                        defaultDepartment?: string | null;
                        photoBefore?: boolean;
                        photoAfter?: boolean;
                        escalateWhenOverdue?: boolean;
                        published?: boolean;
                        keywords?: string[];
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            parentCode: string | null;
                            name: string;
                            nameEn: string;
                            kind: ("event" | "component" | "local") | null;
                            openingStandard: string;
                            closingStandard: string;
                            acceptLimit: number;
                            /** @enum {unknown} */
                            acceptUnit: "hours" | "days";
                            dispatchLimit: number;
                            /** @enum {unknown} */
                            dispatchUnit: "hours" | "days";
                            handleLimit: number;
                            /** @enum {unknown} */
                            handleUnit: "hours" | "days";
                            /** @enum {unknown} */
                            defaultHandler: "grid_worker" | "community" | "street" | "district" | "department" | "property";
                            defaultDepartment: string | null;
                            photoBefore: boolean;
                            photoAfter: boolean;
                            escalateWhenOverdue: boolean;
                            published: boolean;
                            keywords: string[];
                            attributes: {
                                [key: string]: unknown;
                            }[];
                            active: boolean;
                            version: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/work-calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year’s holidays and make-up workdays (the rest follows Monday–Friday) */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            days: {
                                /** Format: date */
                                day: string;
                                /** @enum {unknown} */
                                kind: "holiday" | "workday";
                                name: string;
                            }[];
                            known: boolean;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Replace one year’s holidays and make-up workdays */
        put: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "days": [
                     *         {
                     *           "day": "2027-01-01",
                     *           "kind": "holiday",
                     *           "name": "元旦"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        days: {
                            /** Format: date */
                            day: string;
                            /** @enum {unknown} */
                            kind: "holiday" | "workday";
                            name: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            days: {
                                /** Format: date */
                                day: string;
                                /** @enum {unknown} */
                                kind: "holiday" | "workday";
                                name: string;
                            }[];
                            known: boolean;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments cases are dispatched to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                nameEn: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Case figures over my scope (narrowed by place, grid, department or worker) and a period (default this month)
         * @description Definitions: docs/ARCHITECTURE.md, "Case figures".
         */
        get: {
            parameters: {
                query?: {
                    /** @description place code */
                    within?: string;
                    /** @description grid code */
                    grid?: string;
                    /** @description department code */
                    department?: string;
                    /** @description user id of a grid worker handling the cases */
                    worker?: number;
                    /** @description start (inclusive) */
                    from?: string;
                    /** @description end (exclusive) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scope: {
                                within: string | null;
                                grid: string | null;
                                department: string | null;
                                worker: number | null;
                            };
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            reported: number;
                            accepted: number;
                            rejected: number;
                            merged: number;
                            dispatched: number;
                            handled: number;
                            due: number;
                            closed: number;
                            acceptanceRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            dispatchAccuracy: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            onTimeHandlingRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            closureRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            onTimeClosureRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            reworkRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            extensionRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            avgHandlingHours: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                            satisfactionRate: {
                                value: number | null;
                                numerator: number;
                                denominator: number;
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/import-hotline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import 12345 hotline work orders from a CSV (UTF-8 or GBK) sent as multipart/form-data (field "file"); each valid row becomes a hotline case, repeats and bad rows are reported */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                            cases: {
                                row: number;
                                code: string;
                                externalRef: string;
                            }[];
                            skipped: {
                                row: number;
                                reason: string;
                            }[];
                            findings: {
                                row: number;
                                column: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/import-hotline/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hotline import template: a CSV with the columns and one example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (UTF-8 with BOM) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an evidence photo (multipart/form-data: field "file", JPEG/PNG/WebP decided by content; field "stage" before|after|update); GPS and time are read from EXIF, the public copy carries no EXIF */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {unknown} */
                            stage: "before" | "after" | "update";
                            eventId: number | null;
                            width: number;
                            height: number;
                            lng: number | null;
                            lat: number | null;
                            url: string;
                            thumbUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo: the public copy without EXIF (size=thumb: at most 320 px, WebP); original=true gives staff the uploaded file with its EXIF (audited) */
        get: {
            parameters: {
                query?: {
                    size?: "thumb" | "full";
                    /** @description staff only: the file as uploaded, EXIF and GPS included (audited) */
                    original?: boolean;
                };
                header?: never;
                path: {
                    id: number;
                    photoId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description image/jpeg, image/png or image/webp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The outgoing webhooks, with their pending and failed deliveries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                /** @description query values (robot keys, tokens) shortened to their first 4 characters */
                                url: string;
                                /** @enum {unknown} */
                                format: "json" | "wecom" | "dingtalk";
                                events: string[];
                                hasSecret: boolean;
                                active: boolean;
                                /** @description deliveries not yet sent nor given up */
                                pending: number;
                                /** @description deliveries given up after 8 attempts */
                                failed: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook: json (signed with the secret), wecom (企业微信群机器人) or dingtalk (钉钉机器人) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "区网格中心值班群",
                     *       "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=example-key",
                     *       "format": "wecom",
                     *       "events": [
                     *         "case.overdue",
                     *         "case.escalated"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Not blank */
                        name: string;
                        url: string;
                        /** @enum {unknown} */
                        format: "json" | "wecom" | "dingtalk";
                        events: ("case.reported" | "case.dispatched" | "case.escalated" | "case.supervised" | "case.overdue" | "case.handled" | "case.closed" | "case.rework" | "case.rated" | "case.request")[];
                        /** @description json format: HMAC-SHA256 key of the signature */
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description query values (robot keys, tokens) shortened to their first 4 characters */
                            url: string;
                            /** @enum {unknown} */
                            format: "json" | "wecom" | "dingtalk";
                            events: string[];
                            hasSecret: boolean;
                            active: boolean;
                            /** @description deliveries not yet sent nor given up */
                            pending: number;
                            /** @description deliveries given up after 8 attempts */
                            failed: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deactivate a webhook (it and its delivery history stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description query values (robot keys, tokens) shortened to their first 4 characters */
                            url: string;
                            /** @enum {unknown} */
                            format: "json" | "wecom" | "dingtalk";
                            events: string[];
                            hasSecret: boolean;
                            active: boolean;
                            /** @description deliveries not yet sent nor given up */
                            pending: number;
                            /** @description deliveries given up after 8 attempts */
                            failed: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook (secret null removes it; active false stops deliveries) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         "case.overdue"
                     *       ],
                     *       "active": true
                     *     }
                     */
                    "application/json": {
                        /** @description Not blank */
                        name?: string;
                        url?: string;
                        /** @enum {unknown} */
                        format?: "json" | "wecom" | "dingtalk";
                        events?: ("case.reported" | "case.dispatched" | "case.escalated" | "case.supervised" | "case.overdue" | "case.handled" | "case.closed" | "case.rework" | "case.rated" | "case.request")[];
                        secret?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @description query values (robot keys, tokens) shortened to their first 4 characters */
                            url: string;
                            /** @enum {unknown} */
                            format: "json" | "wecom" | "dingtalk";
                            events: string[];
                            hasSecret: boolean;
                            active: boolean;
                            /** @description deliveries not yet sent nor given up */
                            pending: number;
                            /** @description deliveries given up after 8 attempts */
                            failed: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook’s deliveries, newest first: attempts, next attempt, status and last error */
        get: {
            parameters: {
                query?: {
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                event: string;
                                attempts: number;
                                /** Format: date-time */
                                nextAttemptAt: string;
                                deliveredAt: string | null;
                                failedAt: string | null;
                                lastStatus: number | null;
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/cases/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live feed of case steps in my sight (server-sent events: report, escalate, supervise, overdue, dispatch, close); resumes after Last-Event-ID */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated subset of report, escalate, supervise, overdue, dispatch, close */
                    actions?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream: `event: case` with `id:` (the timeline step) and `data:` JSON {id, caseId, code, action, status, category, address, at}; a `: ping` comment every 15 s */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/public/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a one-time code to a mobile number (1 a minute and 5 an hour per number) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "phone": "13800138000"
                     *     }
                     */
                    "application/json": {
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            sent: true;
                            expiresInSeconds: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/public/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File a case without an account: the phone and its one-time code, the problem and a point
         * @description A wrong, expired or used code is 422 OTP_INVALID (each try counts; 5 per code).
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
                    /**
                     * @example {
                     *       "phone": "13800138000",
                     *       "code": "123456",
                     *       "categoryCode": "1001",
                     *       "description": "楼道里有人拉电线给电动车充电",
                     *       "lng": 113.61,
                     *       "lat": 34.73
                     *     }
                     */
                    "application/json": {
                        phone: string;
                        code: string;
                        categoryCode: string;
                        description: string;
                        lng: number;
                        lat: number;
                        /** @enum {unknown} */
                        crs?: "wgs84" | "gcj02";
                        address?: string;
                        reporterName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @description the key of the public case page /report/<token>; keep it */
                            token: string;
                            duplicates: {
                                id: number;
                                code: string;
                                /** @enum {unknown} */
                                status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                                /** Format: date-time */
                                reportedAt: string;
                                description: string;
                                distanceM: number;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/public/cases/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reporter’s view of a case: status, public timeline, photos, feedback allowed now */
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {unknown} */
                            status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                            statusLabel: string;
                            category: {
                                code: string;
                                name: string;
                            };
                            description: string;
                            address: string;
                            /** Format: date-time */
                            reportedAt: string;
                            closedAt: string | null;
                            closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                            rating: number | null;
                            ratingReasons: string[];
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                action: string;
                                actionLabel: string;
                                /** @description a role label (社区工作人员, 网格员, …), never a name */
                                actor: string;
                                toStatus: string | null;
                                toStatusLabel: string | null;
                                note: string | null;
                                rating: number | null;
                                photos: {
                                    id: number;
                                    /** @enum {unknown} */
                                    stage: "before" | "after" | "update";
                                    url: string;
                                    thumbUrl: string;
                                }[];
                            }[];
                            photos: {
                                id: number;
                                /** @enum {unknown} */
                                stage: "before" | "after" | "update";
                                url: string;
                                thumbUrl: string;
                            }[];
                            feedbackActions: ("comment" | "confirm" | "not_fixed" | "rate")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/public/cases/{token}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The reporter’s feedback: comment, confirm fixed, not fixed (back to work), rate once
         * @description A step the case’s state does not allow now is 409 ILLEGAL_TRANSITION.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "action": "rate",
                     *       "rating": 5,
                     *       "ratingReasons": [
                     *         "fast"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        action: "comment" | "confirm" | "not_fixed" | "rate";
                        note?: string;
                        rating?: number;
                        ratingReasons?: ("fast" | "thorough" | "polite" | "slow" | "not_fixed" | "rude" | "no_contact")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {unknown} */
                            status: "reported" | "accepted" | "rejected" | "dispatched" | "in_progress" | "handled" | "verified" | "closed" | "deferred" | "merged";
                            statusLabel: string;
                            category: {
                                code: string;
                                name: string;
                            };
                            description: string;
                            address: string;
                            /** Format: date-time */
                            reportedAt: string;
                            closedAt: string | null;
                            closureReason: ("fixed" | "partly_fixed" | "explained" | "cannot_fix" | "invalid" | "duplicate") | null;
                            rating: number | null;
                            ratingReasons: string[];
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                action: string;
                                actionLabel: string;
                                /** @description a role label (社区工作人员, 网格员, …), never a name */
                                actor: string;
                                toStatus: string | null;
                                toStatusLabel: string | null;
                                note: string | null;
                                rating: number | null;
                                photos: {
                                    id: number;
                                    /** @enum {unknown} */
                                    stage: "before" | "after" | "update";
                                    url: string;
                                    thumbUrl: string;
                                }[];
                            }[];
                            photos: {
                                id: number;
                                /** @enum {unknown} */
                                stage: "before" | "after" | "update";
                                url: string;
                                thumbUrl: string;
                            }[];
                            feedbackActions: ("comment" | "confirm" | "not_fixed" | "rate")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/public/cases/{token}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo of the case for the reporter: the public copy without EXIF (size=thumb: WebP, 320 px) */
        get: {
            parameters: {
                query?: {
                    size?: "thumb" | "full";
                };
                header?: never;
                path: {
                    token: string;
                    photoId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description image/jpeg, image/png or image/webp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/png": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                        "image/webp": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases reported, handled and closed by day, week or month over the period */
        get: {
            parameters: {
                query?: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                    /** @description default day */
                    by?: "day" | "week" | "month";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            by: "day" | "week" | "month";
                            points: {
                                /** @description a day, YYYY-MM-DD (Beijing) */
                                bucket: string;
                                reported: number;
                                handled: number;
                                closed: number;
                                onTimeHandlingRate: number | null;
                                satisfactionRate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases of the period by category */
        get: {
            parameters: {
                query?: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                code: string;
                                name: string;
                                reported: number;
                                handled: number;
                                onTimeHandlingRate: number | null;
                                satisfactionRate: number | null;
                                share: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Streets, communities, departments or grid workers ranked by a composite score (GB/T 30428.4 style) */
        get: {
            parameters: {
                query?: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                    /** @description default: the first allowed */
                    by?: "street" | "community" | "department" | "worker";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            by: "street" | "community" | "department" | "worker";
                            formula: string;
                            /** @description fewer cases reported in the period than this: not ranked */
                            minCases: number;
                            rows: {
                                rank: number | null;
                                code: string;
                                name: string;
                                score: number | null;
                                reported: number;
                                handled: number;
                                acceptanceRate: number | null;
                                onTimeHandlingRate: number | null;
                                onTimeClosureRate: number | null;
                                reworkRate: number | null;
                                satisfactionRate: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grids one level under my area coloured by a figure, and the open cases as pins */
        get: {
            parameters: {
                query?: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                    figure?: "casesPer1000" | "overdue" | "onTimeClosureRate";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            figure: "casesPer1000" | "overdue" | "onTimeClosureRate";
                            areas: {
                                code: string;
                                name: string;
                                level: number;
                                households: number;
                                value: number | null;
                                reported: number;
                                overdue: number;
                                drillable: boolean;
                                /** @description GeoJSON geometry, WGS-84 */
                                geometry: {
                                    /** @enum {unknown} */
                                    type: "Polygon" | "MultiPolygon";
                                    coordinates: unknown[];
                                };
                            }[];
                            pins: {
                                id: number;
                                code: string;
                                lng: number;
                                lat: number;
                                status: string;
                                overdue: boolean;
                                category: string;
                            }[];
                            /** @description more open cases than the pins sent (the newest are sent) */
                            pinsTruncated: boolean;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notices (cases dispatched to me, escalated, overdue, to verify … and every other module’s), newest first */
        get: {
            parameters: {
                query?: {
                    unread?: boolean;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                caseId: number | null;
                                subject: {
                                    /** @description what the notice is about: case, … */
                                    type: string;
                                    id: string;
                                } | null;
                                /** @description the event: case.reported, case.dispatched, case.overdue, … */
                                kind: string;
                                /** @description in the request's language */
                                title: string;
                                body: string;
                                readAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            /** @description all unread notices of the caller, whatever the filter */
                            unread: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notices read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            caseId: number | null;
                            subject: {
                                /** @description what the notice is about: case, … */
                                type: string;
                                id: string;
                            } | null;
                            /** @description the event: case.reported, case.dispatched, case.overdue, … */
                            kind: string;
                            /** @description in the request's language */
                            title: string;
                            body: string;
                            readAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notices read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My area's figures for a period, beside the period before, in groups contributed by the modules
         * @description Definitions: docs/ARCHITECTURE.md, "Dashboard and rollups".
         */
        get: {
            parameters: {
                query?: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            area: {
                                /** @enum {unknown} */
                                kind: "place" | "grid" | "grids";
                                code: string | null;
                                name: string;
                                level: string;
                                /** @description from my own area (first: no place or grid parameter) down */
                                breadcrumb: {
                                    /** @enum {unknown} */
                                    kind: "place" | "grid" | "grids";
                                    code: string;
                                    name: string;
                                }[];
                                rankings: ("street" | "community" | "department" | "worker")[];
                            };
                            period: {
                                /** @enum {unknown} */
                                key: "today" | "week" | "month" | "quarter" | "year" | "custom";
                                /** @description a day, YYYY-MM-DD (Beijing) */
                                from: string;
                                /** @description a day, YYYY-MM-DD (Beijing) */
                                to: string;
                                /** @description a day, YYYY-MM-DD (Beijing) */
                                previousFrom: string;
                                /** @description a day, YYYY-MM-DD (Beijing) */
                                previousTo: string;
                            };
                            asOf: string | null;
                            groups: {
                                key: string;
                                label: string;
                                figures: {
                                    key: string;
                                    label: string;
                                    /** @enum {unknown} */
                                    unit: "count" | "rate" | "hours" | "average";
                                    value: number | null;
                                    previous: number | null;
                                    numerator: number | null;
                                    denominator: number | null;
                                    higherIsBetter: boolean | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/dashboard/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dashboard table or chart as an .xlsx download, with the figures as shown */
        get: {
            parameters: {
                query: {
                    /** @description a district, street or community code (default: mine) */
                    place?: string;
                    /** @description a grid code (instead of place) */
                    grid?: string;
                    /** @description default month */
                    period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                    /** @description first day of a custom period (inclusive) */
                    from?: string;
                    /** @description last day of a custom period (inclusive) */
                    to?: string;
                    /** @description trend bucket or ranking subject */
                    by?: "day" | "week" | "month" | "street" | "community" | "department" | "worker";
                    figure?: "casesPer1000" | "overdue" | "onTimeClosureRate";
                    /** @description overview, or a sheet a module contributes (overdue / supervised: the watch list whole, now) */
                    section: "overview" | "trend" | "categories" | "rankings" | "map" | "overdue" | "supervised";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts bound within my subtree */
        get: {
            parameters: {
                query?: {
                    /** @description Username or display name */
                    q?: string;
                    /** @description Account role */
                    role?: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                username: string;
                                displayName: string;
                                /**
                                 * @description Account role
                                 * @enum {unknown}
                                 */
                                role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                                place: {
                                    code: string;
                                    name: string;
                                    kind: string;
                                };
                                department: {
                                    code: string;
                                    name: string;
                                } | null;
                                mustChangePassword: boolean;
                                disabled: boolean;
                                lockedUntil: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                version: number;
                                allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an account bound to a place (system administrator) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "username": "wangfang",
                     *       "displayName": "王芳",
                     *       "role": "community_staff",
                     *       "placeCode": "410103001001",
                     *       "password": "Temp#2026a"
                     *     }
                     */
                    "application/json": {
                        /** @description lower case, 3–40 characters */
                        username: string;
                        displayName: string;
                        /**
                         * @description Roles that can be given through the API (administrators are provisioned by the CLI)
                         * @enum {unknown}
                         */
                        role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident";
                        placeCode: string;
                        departmentCode?: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            displayName: string;
                            /**
                             * @description Account role
                             * @enum {unknown}
                             */
                            role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                            place: {
                                code: string;
                                name: string;
                                kind: string;
                            };
                            department: {
                                code: string;
                                name: string;
                            } | null;
                            mustChangePassword: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                            allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            displayName: string;
                            /**
                             * @description Account role
                             * @enum {unknown}
                             */
                            role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                            place: {
                                code: string;
                                name: string;
                                kind: string;
                            };
                            department: {
                                code: string;
                                name: string;
                            } | null;
                            mustChangePassword: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                            allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an account: profile and disable (system admin), role and binding (security admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "version": 1,
                     *       "displayName": "王芳（社区）"
                     *     }
                     */
                    "application/json": {
                        version: number;
                        displayName?: string;
                        disabled?: boolean;
                        /**
                         * @description Roles that can be given through the API (administrators are provisioned by the CLI)
                         * @enum {unknown}
                         */
                        role?: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident";
                        placeCode?: string;
                        departmentCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            displayName: string;
                            /**
                             * @description Account role
                             * @enum {unknown}
                             */
                            role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                            place: {
                                code: string;
                                name: string;
                                kind: string;
                            };
                            department: {
                                code: string;
                                name: string;
                            } | null;
                            mustChangePassword: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                            allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a temporary password; the user must change it at next login (security admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "newPassword": "Reset#2026b"
                     *     }
                     */
                    "application/json": {
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            displayName: string;
                            /**
                             * @description Account role
                             * @enum {unknown}
                             */
                            role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                            place: {
                                code: string;
                                name: string;
                                kind: string;
                            };
                            department: {
                                code: string;
                                name: string;
                            } | null;
                            mustChangePassword: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                            allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock an account locked by failed logins (security admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            displayName: string;
                            /**
                             * @description Account role
                             * @enum {unknown}
                             */
                            role: "district_admin" | "street_staff" | "community_staff" | "grid_worker" | "department_staff" | "resident" | "system_admin" | "security_admin" | "audit_admin";
                            place: {
                                code: string;
                                name: string;
                                kind: string;
                            };
                            department: {
                                code: string;
                                name: string;
                            } | null;
                            mustChangePassword: boolean;
                            disabled: boolean;
                            lockedUntil: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            version: number;
                            allowedActions: ("view" | "update" | "changeRole" | "resetPassword" | "unlock")[];
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit trail (audit administrator only) */
        get: {
            parameters: {
                query?: {
                    /** @description Username (exact or prefix) */
                    actor?: string;
                    /** @description Action or its prefix, e.g. "place." */
                    action?: string;
                    result?: "ok" | "denied" | "failed";
                    subjectType?: string;
                    subjectId?: string;
                    from?: string;
                    to?: string;
                    /** @description 1-based page */
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                occurredAt: string;
                                actorId: number | null;
                                actorName: string | null;
                                actorRole: string | null;
                                action: string;
                                subjectType: string | null;
                                subjectId: string | null;
                                result: "ok" | "denied" | "failed";
                                ip: string | null;
                                requestId: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                sealSeq: number | null;
                                hash: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute the hash chain and report the first broken link (audit administrator only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            checked: number;
                            unsealed: number;
                            headSeq: number;
                            firstBroken: {
                                seq: number;
                                id: number | null;
                                reason: string;
                            } | null;
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every failure has this shape; message follows Accept-Language. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
