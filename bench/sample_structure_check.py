# Quick numpy check: does a small autoencoder trained a few epochs on sample-data recommend group-typical movies?
import numpy as np, csv, re, sys, collections
d=sys.argv[1]; epochs=int(sys.argv[2]) if len(sys.argv)>2 else 5
G=[("Action","Adventure","Sci-Fi",1980,1999),("Drama","Film-Noir","Romance",1940,1969),("Animation","Children","Fantasy",1995,2023),("Horror","Mystery","Thriller",1970,1989),("Documentary","War","Western",1950,1979),("Comedy","Crime","Musical",2000,2023)]
movies=[];genres=[];years=[]
for row in csv.DictReader(open(d+'/movies.csv',encoding='utf-8')):
    m=re.match(r'^(.*?)\s*\((\d{4})\)$',row['title']); years.append(int(m.group(2)) if m else 0)
    movies.append(int(row['movieId'])); genres.append(set(row['genres'].split('|')))
col={m:i for i,m in enumerate(movies)}
R=[];U=[];C=[]
for row in csv.DictReader(open(d+'/ratings.csv')):
    U.append(int(row['userId'])-1); C.append(col[int(row['movieId'])]); R.append(float(row['rating']))
nu=max(U)+1; nm=len(movies)
X=np.zeros((nu,nm),np.float32); X[U,C]=np.array(R)/5
# infer group as the true membership proxy: group with highest sum of ratings on its genres
def grp(u):
    sc=[sum(X[u,j] for j in np.nonzero(X[u])[0] if genres[j]&set(g[:3])) for g in G]; return int(np.argmax(sc))
ug=np.array([grp(u) for u in range(nu)])
rng=np.random.default_rng(0)
sizes=[nm,512,64,512,nm]
W=[(rng.uniform(-1,1,(a,b))*np.sqrt(6/(a+b))).astype(np.float32) for a,b in zip(sizes[:-1],sizes[1:])]
B=[np.zeros(b,np.float32) for b in sizes[1:]]
mW=[np.zeros_like(w) for w in W]; vW=[np.zeros_like(w) for w in W]; mB=[np.zeros_like(b) for b in B]; vB=[np.zeros_like(b) for b in B]
lr=1e-3; t=0
selu=lambda z: 1.0507*np.where(z>0,z,1.67326*(np.exp(np.minimum(z,0))-1))
dselu=lambda z: 1.0507*np.where(z>0,1,1.67326*np.exp(np.minimum(z,0)))
idx=np.arange(nu); train=idx[:900]
for ep in range(epochs):
    rng.shuffle(train)
    for s in range(0,len(train),64):
        xb=X[train[s:s+64]]; acts=[xb]; zs=[]
        for i,(w,b) in enumerate(zip(W,B)):
            z=acts[-1]@w+b; zs.append(z); acts.append(selu(z) if i<len(W)-1 else z)
        g=2*(acts[-1]-xb)/xb.size
        t+=1
        for i in reversed(range(len(W))):
            if i<len(W)-1: g=g*dselu(zs[i])
            gw=acts[i].T@g; gb=g.sum(0); g=g@W[i].T
            for p,gr,m,v in ((W[i],gw,mW[i],vW[i]),(B[i],gb,mB[i],vB[i])):
                m*=0.9; m+=0.1*gr; v*=0.999; v+=0.001*gr*gr
                p-=lr*(m/(1-0.9**t))/(np.sqrt(v/(1-0.999**t))+1e-7)
    h=X[900:]
    for i,(w,b) in enumerate(zip(W,B)): h=h@w+b; h=selu(h) if i<len(W)-1 else h
    print('epoch',ep+1,'val mse %.5f'%np.mean((h-X[900:])**2))
# recommendations for validation users
P=h*(X[900:]==0)
gm=[];em=[]
for k,u in enumerate(range(900,nu)):
    top=np.argsort(-P[k])[:10]; g=G[ug[u]]
    gm.append(np.mean([bool(genres[j]&set(g[:3])) for j in top])); em.append(np.mean([g[3]<=years[j]<=g[4] for j in top]))
print('held-out users: top-10 share in own group genres %.2f, in own era %.2f'%(np.mean(gm),np.mean(em)))
# baseline: share of group genres among all movies
print('baseline share of movies with a group genre', np.mean([np.mean([bool(genres[j]&set(G[ug[u]][:3])) for j in range(nm)]) for u in range(900,nu)]))
