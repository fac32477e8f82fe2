import { accountContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { bind } from './actions/bind';
import { home } from './actions/home';
import { login } from './actions/login';

/** 账号: who am I (login), the home screen in one call (home) and claiming a roster entry (bind). */
export const main = createFunction(accountContract, { login, home, bind });
